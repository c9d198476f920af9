package be.keten.stats.synth;

import be.keten.core.person.Nationality;
import be.keten.core.policy.PolicyBook;
import be.keten.io.reference.ReferenceData;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which nationalities the generator draws where the figures leave the choice free: the countries the
 * reference folder names, weighted by their monthly level there, then a fixed list of usual countries of
 * origin of applicants in Belgium (an assumption, written into the file's header), then every other ISO
 * code with a tiny weight, used only when caps force it.
 */
final class Nationalities {
    /** Usual countries of origin outside the folder's top tens, most frequent first (assumption). */
    static final List<String> USUAL = List.of("SY", "AF", "PS", "TR", "ER", "GN", "CM", "CD", "RU", "MD", "GE", "BI", "IR", "SO", "ET", "IQ",
            "PK", "MA", "DZ", "TN", "SN", "CI", "ML", "NG", "SD", "YE", "VE", "CO", "AL", "XK", "MK", "RS", "BA", "UA", "BY", "AM", "AZ", "LY", "EG",
            "BD", "NP", "LK", "MN", "HT", "RW", "UG", "KE", "TD", "NE", "BF", "TG", "BJ", "GH", "SL", "LR", "GM", "MR", "CG", "AO", "BR", "PE", "SV",
            "HN", "NI", "KG", "TJ", "UZ", "KZ", "TM", "IN", "CN", "VN", "LB", "JO", "KW", "CU", "MM", "GW", "CF", "SS", "ZW", "DJ", "KM");

    private final List<Nationality> all;
    private final Map<Nationality, Double> weights;
    private final PolicyBook policies;

    Nationalities(ReferenceData ref, PolicyBook policies) {
        this.policies = policies;
        Set<String> codes = new LinkedHashSet<>();
        Map<Nationality, Double> w = new LinkedHashMap<>();
        double named = 0;
        double others = 0;
        for (ReferenceData.ApplicationsByNationality r : ref.applicationsByNationality()) {
            Long total = r.counts().get(ReferenceData.TOTAL);
            if (total == null) {
                continue;
            }
            double perMonth = (double) total / r.period().length();
            if (r.rowType().equals("country")) {
                Nationality n = Nationality.of(r.iso2());
                w.merge(n, perMonth, Math::max);
                codes.add(r.iso2());
            } else if (r.rowType().equals("other")) {
                others = Math.max(others, perMonth);
            }
        }
        for (double v : w.values()) {
            named += v;
        }
        codes.addAll(USUAL);
        List<String> rest = new ArrayList<>(List.of(Locale.getISOCountries()));
        rest.sort(String::compareTo);
        codes.addAll(rest);
        codes.add("XK");
        List<Nationality> list = new ArrayList<>();
        for (String c : codes) {
            list.add(Nationality.of(c));
        }
        this.all = List.copyOf(list);
        double tailMass = others > 0 ? others : named > 0 ? 0.3 * named : 1;
        double zipf = 0;
        List<Nationality> tail = new ArrayList<>();
        for (String c : USUAL) {
            Nationality n = Nationality.of(c);
            if (!w.containsKey(n)) {
                tail.add(n);
                zipf += Math.pow(tail.size() + 1, -0.8);
            }
        }
        for (int i = 0; i < tail.size(); i++) {
            w.put(tail.get(i), tailMass * Math.pow(i + 2, -0.8) / zipf);
        }
        this.weights = w;
    }

    List<Nationality> all() {
        return all;
    }

    /** The preference for a nationality where nothing else decides: its monthly level, 1e-6 for rare codes. */
    double weight(Nationality n) {
        return weights.getOrDefault(n, 1e-6);
    }

    /** Whether CGVS processing of this nationality is suspended on any day of the months (no decision may fall then). */
    boolean suspendedDuring(Nationality n, List<YearMonth> months) {
        for (YearMonth m : months) {
            for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(7)) {
                if (policies.processingSuspension(n, false, d).isPresent()) {
                    return true;
                }
            }
            if (policies.processingSuspension(n, false, m.atEndOfMonth()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    boolean suspendedOn(Nationality n, LocalDate d) {
        return policies.processingSuspension(n, false, d).isPresent();
    }

    /** A nationality drawn by weight among those not excluded. */
    Nationality draw(SplittableRandom rnd, java.util.function.Predicate<Nationality> allowed) {
        double sum = 0;
        for (var e : weights.entrySet()) {
            if (allowed.test(e.getKey())) {
                sum += e.getValue();
            }
        }
        double r = rnd.nextDouble() * sum;
        Nationality last = null;
        for (var e : weights.entrySet()) {
            if (allowed.test(e.getKey())) {
                last = e.getKey();
                r -= e.getValue();
                if (r < 0) {
                    return e.getKey();
                }
            }
        }
        if (last != null) {
            return last;
        }
        for (Nationality n : all) {
            if (allowed.test(n)) {
                return n;
            }
        }
        throw new IllegalStateException("no nationality allowed");
    }

    /** Memo of {@link #suspendedDuring} per nationality and months. */
    static final class SuspensionCache {
        private final Nationalities nationalities;
        private final List<YearMonth> months;
        private final Map<Nationality, Boolean> cache = new HashMap<>();

        SuspensionCache(Nationalities nationalities, List<YearMonth> months) {
            this.nationalities = nationalities;
            this.months = months;
        }

        boolean suspended(Nationality n) {
            return cache.computeIfAbsent(n, k -> nationalities.suspendedDuring(k, months));
        }
    }
}
