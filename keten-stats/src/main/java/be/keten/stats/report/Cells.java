package be.keten.stats.report;

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

    static List<String> monthsShort(Messages m) {
        List<String> out = new ArrayList<>();
        for (Month mo : Month.values()) {
            out.add(m.monthShort(mo));
        }
        return out;
    }
}
