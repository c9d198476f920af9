package be.keten.stats.publication;

import be.keten.core.person.Nationality;
import be.keten.core.person.Sex;
import be.keten.core.reception.Facility;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.Network;
import be.keten.core.reception.Operator;
import be.keten.core.reception.PlaceType;
import be.keten.stats.ChainStatistics;
import be.keten.core.calendar.Period;
import be.keten.stats.Resident;
import be.keten.stats.ResidentCategory;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The content of Fedasil's yearly balance (GUIDE §5.4, issue 5): IN, OUT and balance by month,
 * capacity and occupancy at each month's end, occupancy by place type and by operator at year end,
 * the residents' profile, the average length of stay of those who left in the year, and the
 * waiting list over time. Months outside the events' coverage are absent (blank, not zero); the
 * year-end figures are taken at the end of the last month covered ({@link #stockDate()}).
 *
 * @param covered         the months of the year with data; empty when the data do not reach the year
 * @param unknownFacility residents at the stock date placed in facilities that are not in the network
 * @param outByReason     departures in the year by reason, every reason present (0 when none)
 */
public record ReceptionPublication(
        int year, Optional<Period> covered,
        Map<YearMonth, Month> months,
        Map<PlaceType, Use> byPlaceType, Map<Operator, Use> byOperator, long unknownFacility,
        Map<LeaveReason, Long> outByReason,
        Profile profile,
        OptionalDouble averageStayMonths) {

    /**
     * One month: flows in the month, stocks at its end. {@code sponsored}: persons received by
     * community sponsorship, outside the network (in neither occupancy nor the waiting list).
     */
    public record Month(long in, long out, long capacity, long occupancy, long waitingList, long sponsored) {
        public long balance() {
            return in - out;
        }

        /** Occupancy over capacity; NaN without capacity. */
        public double occupancyRate() {
            return capacity == 0 ? Double.NaN : occupancy / (double) capacity;
        }
    }

    /** Capacity and occupancy of a part of the network. */
    public record Use(long capacity, long occupancy) {
        public double rate() {
            return capacity == 0 ? Double.NaN : occupancy / (double) capacity;
        }

        static Use sum(Collection<Use> uses) {
            long c = 0;
            long o = 0;
            for (Use u : uses) {
                c += u.capacity;
                o += u.occupancy;
            }
            return new Use(c, o);
        }
    }

    /**
     * Residents at the stock date by family or single, sex, age group, nationality (top 10) and
     * procedure stage. Every sex, age group and category is present, with 0 when nobody is in it, so
     * a table shows a real zero rather than leaving the row out.
     */
    public record Profile(long total, long inFamilies, Map<Sex, Long> bySex, Map<String, Long> byAgeGroup, Ranking<Long> topNationalities,
                          Map<ResidentCategory, Long> byCategory) {
        public long single() {
            return total - inFamilies;
        }

        /** {@code n} as a share of the residents; NaN when there are none. */
        public double share(long n) {
            return total == 0 ? Double.NaN : n / (double) total;
        }
    }

    public static ReceptionPublication of(ChainStatistics s, Network network, int year) {
        Optional<Period> covered = AnnualPublication.coveredMonths(s, year);
        Map<YearMonth, Month> months = new LinkedHashMap<>();
        covered.ifPresent(c -> c.months().forEach(m -> {
            LocalDate end = m.atEndOfMonth();
            long out = s.receptionOut(Period.month(m)).values().stream().mapToLong(Long::longValue).sum();
            months.put(m, new Month(s.receptionIn(Period.month(m)), out, network.capacityOn(end), s.occupancy(end), s.waitingList(end),
                    s.sponsored(end)));
        }));
        LocalDate end = stockDate(covered, year);

        Map<PlaceType, long[]> byType = new EnumMap<>(PlaceType.class);
        Map<Operator, long[]> byOperator = new EnumMap<>(Operator.class);
        for (Facility f : network.facilities()) {
            byType.computeIfAbsent(f.placeType(), k -> new long[2])[0] += f.capacityOn(end);
            byOperator.computeIfAbsent(f.operator(), k -> new long[2])[0] += f.capacityOn(end);
        }
        long unknown = 0;
        for (var e : s.occupancyByFacility(end).entrySet()) {
            var f = network.facility(e.getKey());
            if (f.isEmpty()) {
                unknown += e.getValue();
                continue;
            }
            byType.computeIfAbsent(f.get().placeType(), k -> new long[2])[1] += e.getValue();
            byOperator.computeIfAbsent(f.get().operator(), k -> new long[2])[1] += e.getValue();
        }
        Map<PlaceType, Use> types = new EnumMap<>(PlaceType.class);
        byType.forEach((k, v) -> types.put(k, new Use(v[0], v[1])));
        Map<Operator, Use> operators = new EnumMap<>(Operator.class);
        byOperator.forEach((k, v) -> operators.put(k, new Use(v[0], v[1])));

        // Departures are counted in the covered months only: outside them nothing is known.
        Map<LeaveReason, Long> outByReason = new EnumMap<>(LeaveReason.class);
        for (LeaveReason r : LeaveReason.values()) {
            outByReason.put(r, 0L);
        }
        covered.ifPresent(c -> s.receptionOut(c).forEach((r, n) -> outByReason.merge(r, n, Long::sum)));
        return new ReceptionPublication(year, covered, months, types, operators, unknown, outByReason, profile(s.residents(end), end.getYear()),
                covered.isPresent() ? s.averageStayMonths(year) : OptionalDouble.empty());
    }

    private static LocalDate stockDate(Optional<Period> covered, int year) {
        return covered.map(Period::lastDay).orElse(Period.year(year).lastDay());
    }

    public boolean hasData() {
        return covered.isPresent();
    }

    /** True when the data cover the whole calendar year. */
    public boolean complete() {
        return covered.map(Period::isCalendarYear).orElse(false);
    }

    /** The day of the year-end figures (by type, by operator, profile): the end of the last month covered. */
    public LocalDate stockDate() {
        return stockDate(covered, year);
    }

    /** The last month covered: capacity, occupancy and waiting list at the stock date. */
    public Month atStockDate() {
        return months.get(YearMonth.from(stockDate()));
    }

    /** Placements in the covered months. */
    public long totalIn() {
        return months.values().stream().mapToLong(Month::in).sum();
    }

    /** Departures in the covered months. */
    public long totalOut() {
        return months.values().stream().mapToLong(Month::out).sum();
    }

    /** IN − OUT over the covered months: the change in occupancy since the end of the month before. */
    public long balance() {
        return totalIn() - totalOut();
    }

    /**
     * Capacity and occupancy by Fedasil's published category ({@link PlaceType#category()}): minors'
     * places are counted inside first phase, collective and individual, as Fedasil counts them.
     */
    public Map<String, Use> byCategory() {
        Map<String, List<Use>> parts = new LinkedHashMap<>();
        for (PlaceType t : PlaceType.values()) {
            parts.computeIfAbsent(t.category(), k -> new ArrayList<>()).add(byPlaceType.getOrDefault(t, new Use(0, 0)));
        }
        Map<String, Use> out = new LinkedHashMap<>();
        parts.forEach((k, v) -> out.put(k, Use.sum(v)));
        return out;
    }

    /** Places for unaccompanied minors by phase ({@link PlaceType#minorsPhase()}). */
    public Map<String, Use> minorsByPhase() {
        Map<String, Use> out = new LinkedHashMap<>();
        for (PlaceType t : PlaceType.values()) {
            if (t.forUnaccompaniedMinors()) {
                out.put(t.minorsPhase(), byPlaceType.getOrDefault(t, new Use(0, 0)));
            }
        }
        return out;
    }

    public Use minorsTotal() {
        return Use.sum(minorsByPhase().values());
    }

    /** The network at the stock date: capacity, and residents placed in its facilities (not those in {@link #unknownFacility()}). */
    public Use networkTotal() {
        return Use.sum(byPlaceType.values());
    }

    /** The age groups of {@link Resident#ageGroup}, youngest first: probing ages keeps the bands defined in one place. */
    static List<String> ageGroups(int year) {
        Set<String> groups = new LinkedHashSet<>();
        for (int age = 0; age <= 120; age++) {
            groups.add(new Resident(false, Sex.OTHER, year - age, Nationality.UNKNOWN, ResidentCategory.OTHER).ageGroup(year));
        }
        return List.copyOf(groups);
    }

    private static Profile profile(Map<Resident, Long> residents, int year) {
        long total = 0;
        long families = 0;
        Map<Sex, Long> sex = new EnumMap<>(Sex.class);
        for (Sex x : Sex.values()) {
            sex.put(x, 0L);
        }
        Map<String, Long> age = new LinkedHashMap<>();
        for (String g : ageGroups(year)) {
            age.put(g, 0L);
        }
        Map<Nationality, Long> nat = new HashMap<>();
        Map<ResidentCategory, Long> cat = new EnumMap<>(ResidentCategory.class);
        for (ResidentCategory c : ResidentCategory.values()) {
            cat.put(c, 0L);
        }
        for (var e : residents.entrySet()) {
            Resident r = e.getKey();
            long n = e.getValue();
            total += n;
            families += r.family() ? n : 0;
            sex.merge(r.sex(), n, Long::sum);
            age.merge(r.ageGroup(year), n, Long::sum);
            nat.merge(r.nationality(), n, Long::sum);
            cat.merge(r.category(), n, Long::sum);
        }
        return new Profile(total, families, sex, age, Ranking.of(nat, Long::longValue, 0L, Long::sum, 10), cat);
    }
}
