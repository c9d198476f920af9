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

    /**
     * Community sponsorship (GUIDE §7.1): volunteers and a partner organisation take care of resettled
     * persons for a year, outside the reception network. This one event starts it; the persons are
     * then received by the sponsors (status {@code SPONSORED}): they occupy no network place and are
     * not on the waiting list. Persons placed in the network (the dedicated centre, where resettled
     * persons spend their first weeks) move out of it with this event, a network departure for the
     * reason {@link LeaveReason#COMMUNITY_SPONSORSHIP}. The sponsorship ends with {@link LeftReception}
     * (reason {@code COMMUNITY_SPONSORSHIP} at its end, or why it ended early), or with a placement
     * in the network when it breaks down: no second event type is needed.
     *
     * @param partner the partner organisation (its identifier or name, e.g. {@code CARITAS}); never a
     *                volunteer's name, which the registry does not keep
     * @param until   the planned end; {@code null} gives one year after {@code date}, the sponsorship's
     *                term in the sources. It is a deadline, not a limit: the sponsorship ends when its
     *                end is recorded. The NDJSON form always carries it.
     */
    record SponsorshipStarted(DossierId dossier, LocalDate date, String partner, List<PersonId> persons, LocalDate until)
            implements ReceptionEvent {
        /** The planned length of a community sponsorship: "for a year" (GUIDE §7.1). */
        public static final java.time.Period TERM = java.time.Period.ofYears(1);

        public SponsorshipStarted {
            Checks.common(dossier, date);
            Objects.requireNonNull(partner, "partner");
            if (partner.isBlank()) {
                throw new IllegalArgumentException("partner must name the partner organisation");
            }
            persons = Checks.persons(persons);
            until = until == null ? date.plus(TERM) : until;
        }
    }

    /** Persons leave the network, the waiting list or community sponsorship, for the given reason. */
    record LeftReception(DossierId dossier, LocalDate date, LeaveReason reason, List<PersonId> persons) implements ReceptionEvent {
        public LeftReception {
            Checks.common(dossier, date);
            Objects.requireNonNull(reason, "reason");
            persons = Checks.persons(persons);
        }
    }
}
