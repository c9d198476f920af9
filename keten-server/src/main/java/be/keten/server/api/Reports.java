package be.keten.server.api;

import be.keten.core.reception.Network;
import be.keten.stats.ChainStatistics;
import be.keten.stats.report.AnnualReport;
import be.keten.stats.report.MonthlyReport;
import be.keten.stats.report.ReceptionReport;
import be.keten.stats.report.Report;
import be.keten.store.NetworkStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/**
 * The reports the API serves (monthly, annual, reception), built from the statistics snapshot:
 * one place for their parameters and their preconditions, used by the report endpoints and by the
 * statistics endpoints that give the same content as JSON.
 */
@Component
class Reports {
    /** A report and the period it covers, as named in downloads. */
    record Built(Report report, String period) {
    }

    private final Snapshots snapshots;
    private final NetworkStore network;
    private final Clock clock;

    Reports(Snapshots snapshots, NetworkStore network, Clock clock) {
        this.snapshots = snapshots;
        this.network = network;
        this.clock = clock;
    }

    /**
     * The report of {@code kind}: monthly ({@code month} YYYY-MM), annual or reception ({@code year} YYYY).
     *
     * @throws ApiException 404 for an unknown kind or a reception report without a network, 400 for a bad month or year
     */
    Built build(String kind, String month, String year) {
        LocalDate today = LocalDate.now(clock);
        switch (kind) {
            case "monthly" -> {
                YearMonth m = Params.month("month", month);
                return new Built(MonthlyReport.of(statistics(), m, today), m.toString());
            }
            case "annual" -> {
                int y = Params.year("year", year);
                return new Built(AnnualReport.of(statistics(), y, today), Integer.toString(y));
            }
            case "reception" -> {
                int y = Params.year("year", year);
                Network n = network.load();
                if (n.facilities().isEmpty()) {
                    throw ApiException.notFound("no reception network loaded: the reception report needs its capacity");
                }
                return new Built(ReceptionReport.of(statistics(), n, y, today), Integer.toString(y));
            }
            default -> throw ApiException.notFound("no report '" + Params.clip(kind) + "'; the reports are monthly, annual and reception");
        }
    }

    private ChainStatistics statistics() {
        return snapshots.current().statistics();
    }
}
