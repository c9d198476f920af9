package be.keten.stats.report;

import be.keten.core.calendar.Period;
import be.keten.stats.publication.Applicants;
import be.keten.stats.report.Document.Cell;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/** Cells and labels both reports use, so a column means the same in each. */
final class Cells {
    private Cells() {
    }

    /** The DVZ table's columns, in its order: total, first excl. resettlement, first in resettlement, subsequent. */
    /** The "Source: keten registry, N dossiers, events from … to …" line of every report's header. */
    static String source(Messages m, int dossiers, java.util.Optional<be.keten.core.calendar.Period> coverage) {
        return coverage.map(c -> m.get("meta.source", m.integer(dossiers), m.month(c.from()), m.month(c.to()))).orElse(m.get("meta.source.empty"));
    }

    /**
     * What a report without data says: the store is empty, or its events lie outside the period
     * ({@code key} is "nodata.month" or "nodata.year").
     */
    static String noData(Messages m, String key, String period, java.util.Optional<be.keten.core.calendar.Period> coverage) {
        return coverage.isEmpty() ? m.get("nodata.empty", period)
                : m.get(key, period, m.month(coverage.get().from()), m.month(coverage.get().to()));
    }

    static List<String> applicantColumns(Messages m) {
        return List.of(m.get("applicants.col.total"), m.get("applicants.col.first_excl_resettlement"),
                m.get("applicants.col.first_resettlement"), m.get("applicants.col.subsequent"));
    }

    static List<Cell> applicants(Applicants a, Messages m) {
        return List.of(Cell.count(a.total(), m), Cell.count(a.firstExclResettlement(), m), Cell.count(a.firstResettlement(), m),
                Cell.count(a.subsequent(), m));
    }

    static List<Cell> blanks(int n) {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Cell.blank());
        }
        return out;
    }

    static List<Cell> of(Cell first, List<Cell> rest) {
        List<Cell> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    static List<Cell> of(Cell first, Cell second, List<Cell> rest) {
        List<Cell> out = new ArrayList<>();
        out.add(first);
        out.add(second);
        out.addAll(rest);
        return out;
    }

    /** "2024", or "2024 (Jan–Jun)" / "2025 (Jan)" for a year the data cover in part: the column label of a year's figures. */
    static String periodLabel(Messages m, int year, Period covered) {
        if (covered.isCalendarYear()) {
            return Integer.toString(year);
        }
        if (covered.isMonth()) {
            return m.get("period.partial.month", Integer.toString(year), m.monthShort(covered.from().getMonth()));
        }
        return m.get("period.partial", Integer.toString(year), m.monthShort(covered.from().getMonth()), m.monthShort(covered.to().getMonth()));
    }

    /** "januari 2025", or "januari 2025 tot en met maart 2025": the months a period covers, in running text. */
    static String range(Messages m, Period p) {
        return p.isMonth() ? m.month(p.from()) : m.get("period.range", m.month(p.from()), m.month(p.to()));
    }

    static List<String> monthsShort(Messages m) {
        List<String> out = new ArrayList<>();
        for (Month mo : Month.values()) {
            out.add(m.monthShort(mo));
        }
        return out;
    }
}
