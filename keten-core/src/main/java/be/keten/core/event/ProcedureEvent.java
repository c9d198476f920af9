package be.keten.core.event;

import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.person.AgeAssessment;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Person;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.procedure.Track;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Steps of the procedure at DVZ and the CGVS other than decisions (GUIDE §1.2, §3.1). */
public sealed interface ProcedureEvent extends ChainEvent {

    /**
     * DVZ registers an application for the persons of a dossier; the first person is the principal
     * applicant, whose nationality is the dossier's.
     */
    record ApplicationRegistered(DossierId dossier, LocalDate date, ApplicationId application, ApplicationType applicationType,
                                 List<Person> persons, LanguageRole languageRole, boolean protectedInOtherEuState)
            implements ProcedureEvent {
        public ApplicationRegistered {
            Checks.common(dossier, date);
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(applicationType, "applicationType");
            Objects.requireNonNull(languageRole, "languageRole");
            persons = Checks.household(persons);
        }

        public Person principal() {
            return persons.get(0);
        }
    }

    /** The application is lodged, with the short DVZ interview. */
    record ApplicationLodged(DossierId dossier, LocalDate date) implements ProcedureEvent {
        public ApplicationLodged {
            Checks.common(dossier, date);
        }
    }

    record DublinCheckStarted(DossierId dossier, LocalDate date) implements ProcedureEvent {
        public DublinCheckStarted {
            Checks.common(dossier, date);
        }
    }

    record DublinDecided(DossierId dossier, LocalDate date, DublinOutcome outcome) implements ProcedureEvent {
        public DublinDecided {
            Checks.common(dossier, date);
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** DVZ transfers the file to the CGVS: from now on it is in the CGVS workload. */
    record TransferredToCgvs(DossierId dossier, LocalDate date) implements ProcedureEvent {
        public TransferredToCgvs {
            Checks.common(dossier, date);
        }
    }

    record TrackAssigned(DossierId dossier, LocalDate date, Track track) implements ProcedureEvent {
        public TrackAssigned {
            Checks.common(dossier, date);
            Objects.requireNonNull(track, "track");
        }
    }

    /** Processing frozen under a suspension policy (named by its id) that covers the dossier. */
    record ProcessingSuspended(DossierId dossier, LocalDate date, String policy) implements ProcedureEvent {
        public ProcessingSuspended {
            Checks.common(dossier, date);
            Objects.requireNonNull(policy, "policy");
        }
    }

    record ProcessingResumed(DossierId dossier, LocalDate date) implements ProcedureEvent {
        public ProcessingResumed {
            Checks.common(dossier, date);
        }
    }

    /** The CGVS personal interview. */
    record InterviewHeld(DossierId dossier, LocalDate date) implements ProcedureEvent {
        public InterviewHeld {
            Checks.common(dossier, date);
        }
    }

    /** The decision taken last is notified; a positive one makes the dossier protected. */
    record DecisionNotified(DossierId dossier, LocalDate date) implements ProcedureEvent {
        public DecisionNotified {
            Checks.common(dossier, date);
        }
    }

    /** The appeal period of a notified negative decision ran out unused: the rejection is final. */
    record DecisionBecameFinal(DossierId dossier, LocalDate date) implements ProcedureEvent {
        public DecisionBecameFinal {
            Checks.common(dossier, date);
        }
    }

    /** DVZ orders the household to leave the territory within the given number of days. */
    record OrderToLeaveIssued(DossierId dossier, LocalDate date, int daysToLeave) implements ProcedureEvent {
        public OrderToLeaveIssued {
            Checks.common(dossier, date);
            if (daysToLeave < 0 || daysToLeave > 365) {
                throw new IllegalArgumentException("daysToLeave " + daysToLeave + " is outside 0..365");
            }
        }
    }

    /** The applicant withdraws the application while the file is still at DVZ. */
    record ApplicationWithdrawn(DossierId dossier, LocalDate date) implements ProcedureEvent {
        public ApplicationWithdrawn {
            Checks.common(dossier, date);
        }
    }

    /** The Guardianship Service rules on the minority of a person who declared to be an unaccompanied minor. */
    record AgeAssessed(DossierId dossier, LocalDate date, PersonId person, AgeAssessment outcome) implements ProcedureEvent {
        public AgeAssessed {
            Checks.common(dossier, date);
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
