package be.keten.core.resettlement;

import java.util.Locale;

/**
 * Growth of global resettlement needs over the planning period (GUIDE §7.2 step 2). The report adds the mean
 * yearly growth once for every year after the base year: 40,000 × (3 − 1) = 80,000 for a three-year plan.
 * Either form can be given; negative values model shrinking needs.
 */
public sealed interface Growth {

    /** Added needs in persons over a plan of {@code years} years. */
    long over(int years);

    /** How the growth was given, for the printout. */
    String describe(int years);

    /** Growth over the whole planning period, as printed in the report (80,000). */
    record Total(long persons) implements Growth {
        @Override
        public long over(int years) {
            return persons;
        }

        @Override
        public String describe(int years) {
            return "given as a total over the planning period";
        }
    }

    /** Mean yearly growth, added for each year after the base year. */
    record Annual(long personsPerYear) implements Growth {
        @Override
        public long over(int years) {
            return Math.multiplyExact(personsPerYear, (long) years - 1);
        }

        @Override
        public String describe(int years) {
            return String.format(Locale.ROOT, "%,d per year × (%d − 1) years", personsPerYear, years);
        }
    }

    static Growth none() {
        return new Total(0);
    }
}
