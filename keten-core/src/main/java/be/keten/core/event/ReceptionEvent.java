package be.keten.core.event;

import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.PlaceType;
import be.keten.core.reception.WaitingListChannel;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Reception by Fedasil and its partners (GUIDE §6). Each event names the persons of the dossier it concerns. */
public sealed interface ReceptionEvent extends ChainEvent {
    List<PersonId> persons();

    /** Fedasil's decision on the right to material aid, with the rule it applied. */
    record EntitlementDecided(DossierId dossier, LocalDate date, boolean entitled, String basis) implements ReceptionEvent {
        public EntitlementDecided {
            Checks.common(dossier, date);
            Objects.requireNonNull(basis, "basis");
        }

        @Override
        public List<PersonId> persons() {
            return List.of();
        }
    }

    record PutOnWaitingList(DossierId dossier, LocalDate date, WaitingListChannel channel, List<PersonId> persons)
            implements ReceptionEvent {
        public PutOnWaitingList {
            Checks.common(dossier, date);
            Objects.requireNonNull(channel, "channel");
            persons = Checks.persons(persons);
        }
    }

    /** Placement in a facility, with the allocation rule and priority that explain it. */
    record PlacedInFacility(DossierId dossier, LocalDate date, String facility, PlaceType placeType, List<PersonId> persons,
                            String reason) implements ReceptionEvent {
        public PlacedInFacility {
            Checks.common(dossier, date);
            Objects.requireNonNull(facility, "facility");
            Objects.requireNonNull(placeType, "placeType");
            Objects.requireNonNull(reason, "reason");
            persons = Checks.persons(persons);
        }
    }

    record TransferredBetweenFacilities(DossierId dossier, LocalDate date, String facility, PlaceType placeType,
                                        List<PersonId> persons) implements ReceptionEvent {
        public TransferredBetweenFacilities {
            Checks.common(dossier, date);
            Objects.requireNonNull(facility, "facility");
            Objects.requireNonNull(placeType, "placeType");
            persons = Checks.persons(persons);
        }
    }

    /**
     * Fedasil's social-medical screening: whether the persons are vulnerable, which gives them
     * priority for a place under saturation (GUIDE §6.1). Only the flag is kept, never the grounds.
     */
    record VulnerabilityAssessed(DossierId dossier, LocalDate date, List<PersonId> persons, boolean vulnerable) implements ReceptionEvent {
        public VulnerabilityAssessed {
            Checks.common(dossier, date);
            persons = Checks.persons(persons);
        }
    }

    /** Persons leave the network, or the waiting list, for the given reason. */
    record LeftReception(DossierId dossier, LocalDate date, LeaveReason reason, List<PersonId> persons) implements ReceptionEvent {
        public LeftReception {
            Checks.common(dossier, date);
            Objects.requireNonNull(reason, "reason");
            persons = Checks.persons(persons);
        }
    }
}
