package be.keten.stats.synth;

import be.keten.core.calendar.Period;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.rulebook.Rulebook;
import be.keten.io.reference.ReferenceData;
import be.keten.stats.StatisticsParameters;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the steps of one synthesis ({@link Targets}, {@link Registrations}, {@link Transfers}, {@link History}) share:
 * the scaled folder, the window, the rulebook, one random stream per purpose, the plans made so far, and the notes and
 * assumptions the file's header lists. The steps run one after the other and each leaves its part here for the next.
 */
final class Draft {
    final ReferenceData ref;
    final StatisticsParameters parameters;
    final Synthesizer.Options options;
    final List<YearMonth> window = new ArrayList<>();
    final LocalDate start;
    final LocalDate end;
    final Rulebook rulebook;
    final Nationalities nationalities;
    final SplittableRandom rTargets;
    final SplittableRandom rNat;
    final SplittableRandom rHouse;
    final SplittableRandom rDates;
    final SplittableRandom rWork;
    final SplittableRandom rEvents;
    final List<String> notes = new ArrayList<>();
    final List<String> assumptions = new ArrayList<>();
    final List<Plan> plans = new ArrayList<>();
    final List<Plan> decided = new ArrayList<>();
    /** An appeal may end in an annulment only after this day: the last day a published figure covers. */
    LocalDate annulAfter;
    private int seq;

    Draft(ReferenceData published, Synthesizer.Options options) {
        this.ref = published.scaled(options.scale());
        // The normal workload is a published stock too: scaled with the rest, so the real backlog is.
        this.parameters = StatisticsParameters.defaults().scaled(options.scale());
        this.options = options;
        for (YearMonth m = options.from(); !m.isAfter(options.to()); m = m.plusMonths(1)) {
            window.add(m);
        }
        this.start = options.from().atDay(1);
        this.end = options.to().atEndOfMonth();
        // A fixed clock at the window's last day: nothing may be dated later, and the output never depends on today.
        this.rulebook = new Rulebook(BelgianPolicies.book(), Clock.fixed(end.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        this.nationalities = new Nationalities(ref, rulebook.policies());
        SplittableRandom root = new SplittableRandom(options.seed());
        rTargets = root.split();
        rNat = root.split();
        rHouse = root.split();
        rDates = root.split();
        rWork = root.split();
        rEvents = root.split();
    }

    boolean inWindow(Period p) {
        return window.contains(p.from()) && window.contains(p.to());
    }

    Plan plan(int size) {
        Plan p = new Plan(seq++, size);
        plans.add(p);
        return p;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
