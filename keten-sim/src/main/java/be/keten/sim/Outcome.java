package be.keten.sim;

import be.keten.core.calendar.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one run: for every indicator of {@link Indicator#all()}, a value per month of the
 * horizon and per calendar year (the part of it inside the horizon).
 */
public record Outcome(double[][] monthly, double[][] yearly) {

    public static List<Period> months(Scenario sc) {
        List<Period> out = new ArrayList<>();
        for (int i = 0; i < sc.horizonMonths(); i++) {
            out.add(Period.month(sc.firstMonth().plusMonths(i)));
        }
        return out;
    }

    /** Calendar years of the horizon, cut to the horizon. */
    public static List<Period> years(Scenario sc) {
        List<Period> out = new ArrayList<>();
        for (int y = sc.firstMonth().getYear(); y <= sc.lastMonth().getYear(); y++) {
            YearMonth from = YearMonth.of(y, 1).isBefore(sc.firstMonth()) ? sc.firstMonth() : YearMonth.of(y, 1);
            YearMonth to = YearMonth.of(y, 12).isAfter(sc.lastMonth()) ? sc.lastMonth() : YearMonth.of(y, 12);
            out.add(new Period(from, to));
        }
        return out;
    }

    /** Reads every indicator off a replication's statistics. */
    public static Outcome of(Engine.Result r, Scenario sc) {
        List<Indicator> all = Indicator.all();
        List<Period> months = months(sc);
        List<Period> years = years(sc);
        double[][] m = new double[all.size()][months.size()];
        double[][] y = new double[all.size()][years.size()];
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < months.size(); j++) {
                m[i][j] = all.get(i).value(r, sc, months.get(j));
            }
            for (int j = 0; j < years.size(); j++) {
                y[i][j] = all.get(i).value(r, sc, years.get(j));
            }
        }
        return new Outcome(m, y);
    }
}
