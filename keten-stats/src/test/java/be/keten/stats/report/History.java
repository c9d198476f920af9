package be.keten.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.event.PathwayEvent.ArrivedThroughPathway;
import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ProcedureEvent.DecisionBecameFinal;
import be.keten.core.event.ProcedureEvent.DecisionNotified;
import be.keten.core.event.ProcedureEvent.DublinCheckStarted;
import be.keten.core.event.ProcedureEvent.DublinDecided;
import be.keten.core.event.ProcedureEvent.InterviewHeld;
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.rulebook.Rulebook;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import be.keten.stats.ChainStatistics;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A small history, every event accepted by the rulebook, whose figures are worked out by hand
 * below. Data run from March 2022 to March 2023.
 *
 * <pre>
 * dossier  persons        registered             CGVS                              decision
 * SY-FAM   3 SY           2022-03-10 first       transferred 2022-05-01            refugee status 2023-01-20
 * GN       1 GN           2022-11-05 first       2022-11-20                        refusal 2022-11-28, final 2023-01-05;
 *                         2023-02-10 subsequent  (stays at DVZ)
 * CM       1 CM           2022-12-01 first       2023-01-10                        refusal 2023-02-03
 * TR       1 TR           2022-12-05 first       2023-01-05                        closure 2023-01-25 (in the refusal row)
 * AF       1 AF           2023-01-15 first       2023-02-20, interview 2023-03-05  pending (the workload)
 * MD       1 MD           2023-01-20 first       2023-02-01                        inadmissible 2023-02-15
 * ER       2 ER           2023-02-02 first       2023-02-25                        subsidiary protection 2023-02-27
 * SY-RES   2 SY           2023-02-13 resettlement (arrived 2023-02-12; stays at DVZ)
 *
 * 2022 applicants: 3 in March, 1 in November, 2 in December (the data start in March 2022).
 * February 2023, persons: applicants 2 first + 2 resettlement + 1 subsequent = 5; year to date 7.
 * Decisions 2023 (persons): Jan refugee 3, refusal 1; Feb subsidiary 2, inadmissible 1, refusal 1.
 * Dossiers: Jan 2, Feb 3; protection rate Feb 1/3, year to date 2/5 = 40%.
 * Workload end of February 2023: 1 dossier (AF), 1 person.
 * </pre>
 */
final class History {
    static final Rulebook RULEBOOK = new Rulebook(BelgianPolicies.book(), Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    static final LocalDate GENERATED = LocalDate.of(2023, 4, 3);

    private final List<ChainEvent> log = new ArrayList<>();

    static List<ChainEvent> events() {
        History h = new History();
        h.build();
        return List.copyOf(h.log);
    }

    static ChainStatistics statistics() {
        return ChainStatistics.of(events());
    }

    private void build() {
        DossierId fam = DossierId.of("D-SY-FAM");
        List<ChainEvent> a = toCgvs(fam, List.of(p("P-SYF-1", "SY"), p("P-SYF-2", "SY"), p("P-SYF-3", "SY")), "2022-03-10", "2022-05-01");
        a.add(new InterviewHeld(fam, d("2022-12-01")));
        a.add(new FinalDecisionTaken(fam, d("2023-01-20"), DecisionType.REFUGEE_STATUS));
        dossier(a);

        DossierId gn = DossierId.of("D-GN-0001");
        List<Person> gnPersons = List.of(p("P-GN-1", "GN"));
        List<ChainEvent> b = toCgvs(gn, gnPersons, "2022-11-05", "2022-11-20");
        b.add(new InterviewHeld(gn, d("2022-11-25")));
        b.add(new FinalDecisionTaken(gn, d("2022-11-28"), DecisionType.REFUSAL));
        b.add(new DecisionNotified(gn, d("2022-11-30")));
        b.add(new DecisionBecameFinal(gn, d("2023-01-05")));
        b.add(new ApplicationRegistered(gn, d("2023-02-10"), ApplicationId.of("A-GN-2"), ApplicationType.SUBSEQUENT, gnPersons,
                LanguageRole.FR, false));
        dossier(b);

        decided("D-CM-0001", "CM", "2022-12-01", "2023-01-10", "2023-02-03", DecisionType.REFUSAL);
        decided("D-TR-0001", "TR", "2022-12-05", "2023-01-05", "2023-01-25", DecisionType.CLOSURE);

        DossierId af = DossierId.of("D-AF-0001");
        List<ChainEvent> c = toCgvs(af, List.of(p("P-AF-1", "AF")), "2023-01-15", "2023-02-20");
        c.add(new InterviewHeld(af, d("2023-03-05")));
        dossier(c);

        decided("D-MD-0001", "MD", "2023-01-20", "2023-02-01", "2023-02-15", DecisionType.INADMISSIBLE);

        DossierId er = DossierId.of("D-ER-0001");
        List<ChainEvent> e = toCgvs(er, List.of(p("P-ER-1", "ER"), p("P-ER-2", "ER")), "2023-02-02", "2023-02-25");
        e.add(new InterviewHeld(er, d("2023-02-26")));
        e.add(new FinalDecisionTaken(er, d("2023-02-27"), DecisionType.SUBSIDIARY_PROTECTION));
        dossier(e);

        DossierId res = DossierId.of("D-SY-RES");
        List<Person> resPersons = List.of(p("P-SYR-1", "SY"), p("P-SYR-2", "SY"));
        dossier(List.of(new ArrivedThroughPathway(res, d("2023-02-12"), PathwayChannel.RESETTLEMENT, resPersons, Nationality.of("LB"), 2023),
                new ApplicationRegistered(res, d("2023-02-13"), ApplicationId.of("A-SY-RES"), ApplicationType.RESETTLEMENT, resPersons,
                        LanguageRole.NL, false)));
    }

    private void decided(String id, String nat, String registered, String transferred, String decided, DecisionType type) {
        DossierId dossier = DossierId.of(id);
        List<ChainEvent> events = toCgvs(dossier, List.of(p("P-" + nat + "-1", nat)), registered, transferred);
        events.add(new InterviewHeld(dossier, d(decided).minusDays(2)));
        events.add(new FinalDecisionTaken(dossier, d(decided), type));
        dossier(events);
    }

    /** Appends events through the rulebook, so the data are valid chain data. */
    private void dossier(List<ChainEvent> events) {
        DossierState s = DossierState.empty(events.get(0).dossier());
        for (ChainEvent e : events) {
            Verdict v = RULEBOOK.decide(s, e);
            assertThat(v.accepted()).as("%s: %s", e, v).isTrue();
            s = ((Verdict.Accepted) v).state();
            log.add(e);
        }
    }

    private static List<ChainEvent> toCgvs(DossierId id, List<Person> persons, String registered, String transferred) {
        return new ArrayList<>(List.of(
                new ApplicationRegistered(id, d(registered), ApplicationId.of("A-" + id.value().substring(2)), ApplicationType.FIRST, persons,
                        LanguageRole.FR, false),
                new ApplicationLodged(id, d(registered).plusDays(2)),
                new DublinCheckStarted(id, d(registered).plusDays(2)),
                new DublinDecided(id, d(transferred).minusDays(1), DublinOutcome.BELGIUM_RESPONSIBLE),
                new TransferredToCgvs(id, d(transferred))));
    }

    private static Person p(String id, String nat) {
        return new Person(PersonId.of(id), Nationality.of(nat), Sex.FEMALE, 1990, false);
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
