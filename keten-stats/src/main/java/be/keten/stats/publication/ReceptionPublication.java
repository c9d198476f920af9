package be.keten.stats.publication;

import be.keten.core.person.Nationality;
import be.keten.core.person.Sex;
import be.keten.core.reception.Facility;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.Network;
import be.keten.core.reception.Operator;
import be.keten.core.reception.PlaceType;
import be.keten.stats.ChainStatistics;
import be.keten.stats.Period;
import be.keten.stats.Resident;
import be.keten.stats.ResidentCategory;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The content of Fedasil's yearly balance (GUIDE §5.4, issue 5): IN, OUT and balance by month,
 * capacity and occupancy at each month's end, occupancy by place type and by operator at year end,
 * the residents' profile, the average length of stay of those who left in the year, and the
 * waiting list over time. Months outside the events' coverage are absent (blank, not zero).
 *
 * @param unknownFacility residents at year end placed in facilities that are not in the network
 */
public record ReceptionPublication(
        int year, boolean hasData,
        Map<YearMonth, Month> months,
        Map<PlaceType, Use> byPlaceType, Map<Operator, Use> byOperator, long unknownFacility,
        Map<LeaveReason, Long> outByReason,
        Profile profile,
        OptionalDouble averageStayMonths) {

    /** One month: flows in the month, stocks at its end. */
    public record Month(long in, long out, long capacity, long occupancy, long waitingList) {
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
    }

    /** Residents at year end by family or single, sex, age group, nationality (top 10) and procedure stage. */
    public record Profile(long total, long inFamilies, Map<Sex, Long> bySex, Map<String, Long> byAgeGroup, Ranking<Long> topNationalities,
                          Map<ResidentCategory, Long> byCategory) {
    }

    public static ReceptionPublication of(ChainStatistics s, Network network, int year) {
        Period y = Period.year(year);
        boolean hasData = s.coverage().map(c -> !c.to().isBefore(y.from()) && !c.from().isAfter(y.to())).orElse(false);
        YearMonth firstMonth = s.coverage().map(Period::from).orElse(y.to().plusMonths(1));
        YearMonth lastMonth = s.coverage().map(Period::to).orElse(y.from().minusMonths(1));
        Map<YearMonth, Month> months = new LinkedHashMap<>();
        for (YearMonth m : y.months()) {
            if (m.isBefore(firstMonth) || m.isAfter(lastMonth)) {
                continue;
            }
            LocalDate end = m.atEndOfMonth();
            long out = s.receptionOut(Period.month(m)).values().stream().mapToLong(Long::longValue).sum();
            months.put(m, new Month(s.receptionIn(Period.month(m)), out, network.capacityOn(end), s.occupancy(end), s.waitingList(end)));
        }
        LocalDate end = months.isEmpty() ? y.lastDay() : ((YearMonth) months.keySet().toArray()[months.size() - 1]).atEndOfMonth();

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

        return new ReceptionPublication(year, hasData, months, types, operators, unknown, s.receptionOut(y), profile(s.residents(end), end.getYear()),
                s.averageStayMonths(year));
    }

    private static Profile profile(Map<Resident, Long> residents, int year) {
        long total = 0;
        long families = 0;
        Map<Sex, Long> sex = new EnumMap<>(Sex.class);
        Map<String, Long> age = new TreeMap<>();
        Map<Nationality, Long> nat = new HashMap<>();
        Map<ResidentCategory, Long> cat = new EnumMap<>(ResidentCategory.class);
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
