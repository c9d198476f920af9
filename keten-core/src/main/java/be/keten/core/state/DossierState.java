package be.keten.core.state;

import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.AgeAssessment;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.procedure.Track;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What is known of a dossier after its events, folded in order by {@link Evolution}. Immutable;
 * {@code version} is the number of events folded, which the store uses for optimistic concurrency.
 *
 * @param persons          the household, principal applicant first
 * @param applications     how many applications the dossier has had (the current one included)
 * @param suspendedFrom    the state processing resumes in, while {@code SUSPENDED}
 * @param lastDecision     the CGVS decision taken last (interim, final or status-ending)
 * @param judgedOn         the date of the RvV judgment that made the rejection final, for the cassation period
 * @param heldStatus       refugee status or subsidiary protection while {@code PROTECTED} (also during a holder's appeal)
 * @param finalNegativeOn  the day the rejection became final (ends reception after the exit period)
 * @param entitled         Fedasil's entitlement decision, null while none was taken
 * @param reception        persons waiting for, placed in or sponsored outside reception, by person (in person order)
 * @param vulnerable       persons found vulnerable by Fedasil's screening
 */
public record DossierState(
        DossierId dossier, int version, LocalDate lastDate, ProcedureState state,
        List<Person> persons, LanguageRole languageRole, boolean protectedInOtherEuState, Map<PersonId, AgeAssessment> ageAssessments,
        PathwayChannel arrivedThrough, int applications,
        ApplicationId application, ApplicationType applicationType, LocalDate registeredOn, DublinOutcome dublinOutcome,
        LocalDate transferredOn, Track track, boolean interviewed, boolean admissibilityDecided,
        ProcedureState suspendedFrom, String suspension,
        DecisionType lastDecision, LocalDate decidedOn, LocalDate notifiedOn, LocalDate judgedOn,
        DecisionType heldStatus, LocalDate protectedOn, LocalDate finalNegativeOn, LocalDate orderToLeaveExpiresOn,
        Boolean entitled, Map<PersonId, Stay> reception, Set<PersonId> vulnerable) {

    public DossierState {
        persons = List.copyOf(persons);
        ageAssessments = Map.copyOf(ageAssessments);
        reception = Stays.copyOf(reception);
        vulnerable = Set.copyOf(vulnerable);
    }

    /** The state of a dossier without events. */
    public static DossierState empty(DossierId dossier) {
        return new DossierState(dossier, 0, null, ProcedureState.NEW, List.of(), null, false, Map.of(), null, 0,
                null, null, null, null, null, null, false, false, null, null, null, null, null, null,
                null, null, null, null, null, Map.of(), Set.of());
    }

    /** The principal applicant's nationality, which the nationality policies look at. */
    public Nationality nationality() {
        return persons.isEmpty() ? Nationality.UNKNOWN : persons.get(0).nationality();
    }

    public Optional<Person> person(PersonId id) {
        return Optional.ofNullable(find(id));
    }

    private Person find(PersonId id) {
        for (int i = 0; i < persons.size(); i++) {   // indexed: asked per reception event, and List.of iterators are not free
            Person p = persons.get(i);
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }

    /** Declared unaccompanied minor and not found adult by the age assessment. */
    public boolean isUnaccompaniedMinor(PersonId id) {
        Person p = find(id);
        return p != null && p.declaredUnaccompaniedMinor() && ageAssessments.get(id) != AgeAssessment.ADULT;
    }

    /** Number of persons placed in a facility now. */
    public long placedCount() {
        return reception.values().stream().filter(Stay::placed).count();
    }

    /** Number of persons on the waiting list now. */
    public long waitingCount() {
        return reception.values().stream().filter(Stay::waiting).count();
    }

    /** Number of persons received by community sponsorship now, outside the network (GUIDE §7.1). */
    public long sponsoredCount() {
        return reception.values().stream().filter(Stay::sponsored).count();
    }
}
