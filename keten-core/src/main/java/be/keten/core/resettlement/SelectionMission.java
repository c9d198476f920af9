package be.keten.core.resettlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A resettlement selection mission (GUIDE §7.1): the CGVS interviews refugees submitted by UNHCR in a
 * first country of asylum and accepts those it finds in need of protection (about 95% of the
 * submissions). The published data give, per period and host country, persons interviewed and
 * persons accepted, each possibly missing.
 *
 * @param hostCountry the first country of asylum where the mission took place (ISO code or name as published)
 */
public record SelectionMission(ProgrammePeriod period, String hostCountry, Optional<ProgrammeSummary.Figure> interviewed,
                               Optional<ProgrammeSummary.Figure> accepted) {
    public SelectionMission {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(hostCountry, "hostCountry");
    }

    /** What a published row says of a mission. */
    public enum Stage { INTERVIEWED, ACCEPTED }

    /** One published row: persons at one stage of the missions of a period in a host country. */
    public record Figure(ProgrammePeriod period, String hostCountry, Stage stage, long persons, Qualifier qualifier) {
        public Figure {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(qualifier, "qualifier");
            if (hostCountry == null || hostCountry.isBlank()) {
                throw new IllegalArgumentException("a selection figure names the host country (first country of asylum)");
            }
        }
    }

    /** Accepted as a percentage of interviewed, one decimal; empty without both or with none interviewed. */
    public Optional<BigDecimal> acceptedPercent() {
        if (interviewed.isEmpty() || accepted.isEmpty() || interviewed.get().value() == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(accepted.get().value()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(interviewed.get().value()), 1, RoundingMode.HALF_UP));
    }

    /**
     * The missions of the published rows, one per period and host country, in period order.
     *
     * @throws IllegalArgumentException when a period and host country has two figures for the same stage
     */
    public static List<SelectionMission> of(List<Figure> figures) {
        record Key(ProgrammePeriod period, String hostCountry) {
        }
        Map<Key, Figure[]> byKey = new TreeMap<>(Comparator.comparing(Key::period).thenComparing(Key::hostCountry));
        for (Figure f : figures) {
            Figure[] stages = byKey.computeIfAbsent(new Key(f.period(), f.hostCountry()), k -> new Figure[Stage.values().length]);
            if (stages[f.stage().ordinal()] != null) {
                throw new IllegalArgumentException("selection missions " + f.period().label() + " in " + f.hostCountry() + ": two figures for "
                        + f.stage().name().toLowerCase(java.util.Locale.ROOT));
            }
            stages[f.stage().ordinal()] = f;
        }
        List<SelectionMission> out = new ArrayList<>();
        byKey.forEach((k, s) -> out.add(new SelectionMission(k.period(), k.hostCountry(), figure(s[Stage.INTERVIEWED.ordinal()]),
                figure(s[Stage.ACCEPTED.ordinal()]))));
        return out;
    }

    private static Optional<ProgrammeSummary.Figure> figure(Figure f) {
        return f == null ? Optional.empty() : Optional.of(new ProgrammeSummary.Figure(f.persons(), f.qualifier()));
    }
}
