package be.keten.core.reception;

import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.policy.Policy;
import be.keten.core.state.DossierState;
import be.keten.core.state.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A household waiting for a place: the waiting persons of one dossier, placed together. An
 * unaccompanied minor is a household of its own (minors' places), apart from any adult of the same
 * dossier.
 */
public record Candidate(DossierId dossier, List<PersonId> persons, PriorityGroup group, LocalDate waitingSince, LanguageRole languageRole,
                        boolean unaccompaniedMinors, boolean resettled) {
    public Candidate {
        persons = List.copyOf(persons);
    }

    public int size() {
        return persons.size();
    }

    /** The households of a dossier waiting on {@code day}, classified under the priority policy in force. */
    public static List<Candidate> of(DossierState s, LocalDate day, Policy.ReceptionPriority policy) {
        boolean anyWaiting = false;
        for (Stay stay : s.reception().values()) {
            anyWaiting |= stay.waiting();
        }
        if (!anyWaiting) {   // nobody waiting (placed, sponsored or not in reception): the common case in a round
            return List.of();
        }
        List<Person> minors = new ArrayList<>(1);
        List<Person> others = new ArrayList<>(s.persons().size());
        LocalDate since = null;
        for (Person p : s.persons()) {
            Stay stay = s.reception().get(p.id());
            if (stay == null || !stay.waiting()) {   // placed, sponsored or not in reception
                continue;
            }
            since = since == null || stay.enteredOn().isBefore(since) ? stay.enteredOn() : since;
            (s.isUnaccompaniedMinor(p.id()) ? minors : others).add(p);
        }
        if (minors.isEmpty() && others.size() == 1) {   // a single waiting adult, most of the waiting list
            return List.of(new Candidate(s.dossier(), List.of(others.get(0).id()), classify(s, others, day, policy), since, s.languageRole(),
                    false, resettled(s)));
        }
        List<Candidate> out = new ArrayList<>(2);
        if (!minors.isEmpty()) {
            out.add(new Candidate(s.dossier(), ids(minors), PriorityGroup.UNACCOMPANIED_MINOR, since, s.languageRole(), true, resettled(s)));
        }
        if (!others.isEmpty()) {
            out.add(new Candidate(s.dossier(), ids(others), classify(s, others, day, policy), since, s.languageRole(), false, resettled(s)));
        }
        return out;
    }

    /**
     * Whether {@link #of} gives the same households for both states on any day under any policy:
     * nothing it reads has changed (compared by reference, as the rulebook's fold keeps what an event
     * does not touch). A caller that keeps a queue skips re-deriving a dossier's households with it.
     */
    public static boolean sameHouseholds(DossierState a, DossierState b) {
        return a.reception() == b.reception() && a.persons() == b.persons() && a.ageAssessments() == b.ageAssessments()
                && a.vulnerable() == b.vulnerable() && a.languageRole() == b.languageRole() && a.arrivedThrough() == b.arrivedThrough()
                && a.dossier() == b.dossier();
    }

    private static List<PersonId> ids(List<Person> persons) {
        PersonId[] out = new PersonId[persons.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = persons.get(i).id();
        }
        return List.of(out);
    }

    /** Arrived through resettlement: the dedicated centre's target group. */
    static boolean resettled(DossierState s) {
        return s.arrivedThrough() == be.keten.core.pathway.PathwayChannel.RESETTLEMENT;
    }

    /** The priority group of these persons of a dossier (for residents too, when they move). */
    static PriorityGroup classify(DossierState s, List<Person> persons, LocalDate day, Policy.ReceptionPriority policy) {
        for (Person p : persons) {
            if (s.isUnaccompaniedMinor(p.id())) {
                return PriorityGroup.UNACCOMPANIED_MINOR;
            }
        }
        if (persons.size() > 1) {
            return PriorityGroup.FAMILY;
        }
        Person p = persons.get(0);
        if (p.sex() != Sex.MALE) {
            return PriorityGroup.WOMAN;
        }
        if (s.vulnerable().contains(p.id())) {
            return PriorityGroup.VULNERABLE;
        }
        int age = p.ageIn(day.getYear());
        if (policy.exemptAgeTo() > 0 && age >= policy.exemptAgeFrom() && age <= policy.exemptAgeTo()) {
            return PriorityGroup.YOUNG_ADULT;
        }
        return PriorityGroup.SINGLE_MAN;
    }
}
