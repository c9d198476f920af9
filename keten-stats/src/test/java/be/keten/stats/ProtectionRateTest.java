package be.keten.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.keten.core.procedure.DecisionType;
import be.keten.io.reference.ReferenceFiles;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The protection rate and its variants (GUIDE §5.1) on the CGVS's own published decision counts of
 * January–November 2023, in dossiers: the monthly test vectors and the year-to-date figures.
 */
class ProtectionRateTest {

    /** The published rows, mapped to a decision type of the same classification (combined rows share it). */
    private static DecisionType type(String code) {
        return switch (code) {
            case "admissible_subsequent_or_border" -> DecisionType.ADMISSIBLE_SUBSEQUENT;
            case "withdrawal_or_revocation" -> DecisionType.WITHDRAWAL;
            default -> DecisionType.ofCode(code);
        };
    }

    private static Map<String, DecisionTally> publishedDossierTallies() throws IOException {
        Map<String, DecisionTally> byPeriod = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        try (Reader in = ReferenceFiles.reader("cgvs_decisions.csv")) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                if (!r.get("unit").equals("dossiers")) {
                    continue;
                }
                if (r.get("decision_type").equals("total")) {
                    totals.put(r.get("period"), Long.parseLong(r.get("count")));
                } else {
                    byPeriod.computeIfAbsent(r.get("period"), k -> new DecisionTally()).add(type(r.get("decision_type")), Long.parseLong(r.get("count")));
                }
            }
        }
        // The published total row must equal the sum of the type rows, or the tally would not be the publication's.
        byPeriod.forEach((p, t) -> assertThat(t.all()).as(p).isEqualTo(totals.get(p)));
        return byPeriod;
    }

    @Test
    void monthlyRatesReproduceThePublishedTestVectors() throws IOException {
        Map<String, DecisionTally> t = publishedDossierTallies();
        double[] expected = {42.5, 39.8, 41.8, 47.9, 45.7, 44.8, 40.9, 39.7, 44.2, 44.0, 41.5};
        for (int m = 1; m <= 11; m++) {
            double rate = t.get(String.format("2023-%02d", m)).protectionRate() * 100;
            assertThat(Math.round(rate * 10) / 10.0).as("2023-%02d", m).isEqualTo(expected[m - 1]);
        }
    }

    @Test
    void yearToDateFiguresOfTheWorkedCheck() throws IOException {
        DecisionTally ytd = publishedDossierTallies().get("2023-01/2023-11");
        assertThat(ytd.all()).isEqualTo(23_083);
        assertThat(ytd.protectionRateDenominator()).isEqualTo(21_858);
        assertThat(ytd.positive()).isEqualTo(9_430);
        assertThat(ytd.protectionRate() * 100).isCloseTo(43.14, within(0.01));
        assertThat(ytd.protectionRateExcludingInadmissible() * 100).isCloseTo(51.9, within(0.05));
        assertThat(ytd.inadmissibilityShare() * 100).isCloseTo(16.0, within(0.05));
    }

    @Test
    void nothingDecidedIsNotARateOfZero() {
        assertThat(new DecisionTally().protectionRate()).isNaN();
        assertThat(new DecisionTally().add(DecisionType.WITHDRAWAL, 3).protectionRate()).isNaN();
    }
}
