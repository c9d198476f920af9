package be.keten.core.resettlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Pledged versus realised per period and programme. Published periods are kept as printed (a two-year
 * quota is not split into years), so a line never mixes figures of different periods. Programmes are not
 * added up: community-sponsored persons may also be counted as resettled.
 */
public final class ProgrammeSummary {

    /** A published figure with its qualifier, e.g. more than 1,000. */
    public record Figure(long value, Qualifier qualifier) {
        public Figure {
            Objects.requireNonNull(qualifier, "qualifier");
        }

        public String display() {
            return qualifier.prefix() + String.format(Locale.ROOT, "%,d", value);
        }
    }

    /**
     * @param registered  resettled persons counted from the registry's arrival events, when supplied
     * @param pledgeSplit parts of the pledge (target groups, emergency places), in source order
     */
    public record Line(ProgrammePeriod period, Programme programme, Optional<Figure> pledged, Optional<Figure> realised,
                       OptionalLong registered, List<Pledge> pledgeSplit, List<Arrival> arrivalSplit) {
        public Line {
            pledgeSplit = List.copyOf(pledgeSplit);
            arrivalSplit = List.copyOf(arrivalSplit);
        }

        /** Realised as a percentage of pledged, one decimal; empty without both figures or with a zero pledge. */
        public Optional<BigDecimal> realisedPercent() {
            if (pledged.isEmpty() || realised.isEmpty() || pledged.get().value() == 0) {
                return Optional.empty();
            }
            return Optional.of(BigDecimal.valueOf(realised.get().value()).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(pledged.get().value()), 1, RoundingMode.HALF_UP));
        }

        /** True when a figure behind the percentage is approximate or a bound. */
        public boolean percentApproximate() {
            return pledged.map(f -> f.qualifier() != Qualifier.EXACT).orElse(false)
                    || realised.map(f -> f.qualifier() != Qualifier.EXACT).orElse(false);
        }

        /** Sum of the pledge's parts, to set against the total. */
        public OptionalLong pledgeSplitSum() {
            return pledgeSplit.isEmpty() ? OptionalLong.empty()
                    : OptionalLong.of(pledgeSplit.stream().mapToLong(Pledge::places).sum());
        }

        private Line withRegistered(long persons) {
            return new Line(period, programme, pledged, realised, OptionalLong.of(persons), pledgeSplit, arrivalSplit);
        }
    }

    private static final Comparator<Line> ORDER = Comparator.comparing(Line::period)
            .thenComparing(Line::programme);

    private final List<Line> lines;

    private ProgrammeSummary(List<Line> lines) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(ORDER);
        this.lines = List.copyOf(sorted);
    }

    /** @throws IllegalArgumentException when a period and programme has two totals of the same kind */
    public static ProgrammeSummary of(List<Pledge> pledges, List<Arrival> arrivals) {
        record Key(ProgrammePeriod period, Programme programme) {
        }
        class Acc {
            Pledge pledged;
            Arrival realised;
            final List<Pledge> pledgeSplit = new ArrayList<>();
            final List<Arrival> arrivalSplit = new ArrayList<>();
        }
        Map<Key, Acc> acc = new TreeMap<>(Comparator.comparing(Key::period).thenComparing(Key::programme));
        for (Pledge p : pledges) {
            Acc a = acc.computeIfAbsent(new Key(p.period(), p.programme()), k -> new Acc());
            if (!p.isTotal()) {
                a.pledgeSplit.add(p);
            } else if (a.pledged != null) {
                throw new IllegalArgumentException("two pledged totals for " + p.programme().label() + " in "
                        + p.period().label() + ": " + a.pledged.places() + " and " + p.places());
            } else {
                a.pledged = p;
            }
        }
        for (Arrival r : arrivals) {
            Acc a = acc.computeIfAbsent(new Key(r.period(), r.programme()), k -> new Acc());
            if (!r.isTotal()) {
                a.arrivalSplit.add(r);
            } else if (a.realised != null) {
                throw new IllegalArgumentException("two arrival totals for " + r.programme().label() + " in "
                        + r.period().label() + ": " + a.realised.persons() + " and " + r.persons());
            } else {
                a.realised = r;
            }
        }
        List<Line> lines = new ArrayList<>();
        acc.forEach((k, a) -> lines.add(new Line(k.period(), k.programme(),
                Optional.ofNullable(a.pledged).map(p -> new Figure(p.places(), p.qualifier())),
                Optional.ofNullable(a.realised).map(r -> new Figure(r.persons(), r.qualifier())),
                OptionalLong.empty(), a.pledgeSplit, a.arrivalSplit)));
        return new ProgrammeSummary(lines);
    }

    /**
     * Adds resettled persons counted in the registry (arrival events of the resettlement channel, by programme
     * year) next to the published figures. They are shown separately, never added to the published realised
     * count, because the two sources count differently.
     */
    public ProgrammeSummary withRegisteredArrivals(Map<Integer, Long> resettledPerYear) {
        List<Line> out = new ArrayList<>(lines);
        new TreeMap<>(resettledPerYear).forEach((year, persons) -> {
            if (persons == null || persons < 0) {
                throw new IllegalArgumentException("registered arrivals for " + year + " must not be negative (was "
                        + persons + ")");
            }
            ProgrammePeriod.Span period = ProgrammePeriod.year(year);
            int i = indexOf(out, period, Programme.RESETTLEMENT);
            if (i >= 0) {
                out.set(i, out.get(i).withRegistered(persons));
            } else {
                out.add(new Line(period, Programme.RESETTLEMENT, Optional.empty(), Optional.empty(),
                        OptionalLong.of(persons), List.of(), List.of()));
            }
        });
        return new ProgrammeSummary(out);
    }

    private static int indexOf(List<Line> lines, ProgrammePeriod.Span year, Programme programme) {
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.programme() == programme && l.period() instanceof ProgrammePeriod.Span s && s.singleFullYear()
                    && s.firstYear() == year.firstYear()) {
                return i;
            }
        }
        return -1;
    }

    /** Dated lines whose period overlaps the years {@code from..to}. */
    public ProgrammeSummary between(int from, int to) {
        if (from > to) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        return new ProgrammeSummary(lines.stream()
                .filter(l -> l.period() instanceof ProgrammePeriod.Span s && s.overlaps(from, to)).toList());
    }

    public List<Line> lines() {
        return lines;
    }

    public List<Line> dated() {
        return lines.stream().filter(l -> l.period() instanceof ProgrammePeriod.Span).toList();
    }

    /** Figures the source gives without a period; they cannot be placed in any year. */
    public List<Line> undated() {
        return lines.stream().filter(l -> l.period() instanceof ProgrammePeriod.Undated).toList();
    }

    public OptionalInt firstYear() {
        return dated().stream().mapToInt(l -> ((ProgrammePeriod.Span) l.period()).firstYear()).min();
    }

    public OptionalInt lastYear() {
        return dated().stream().mapToInt(l -> ((ProgrammePeriod.Span) l.period()).lastYear()).max();
    }
}
