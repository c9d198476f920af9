package be.keten.core.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ProcedureEvent.DublinCheckStarted;
import be.keten.core.event.ProcedureEvent.DublinDecided;
import be.keten.core.event.ProcedureEvent.TrackAssigned;
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.id.ApplicationId;
import be.keten.core.person.LanguageRole;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.procedure.Track;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dated policies take effect on their date: the day before and the day itself. */
class PolicyDatesTest {

    private static Fixture transferredOn(String dossier, String nationality, LocalDate transfer) {
        Fixture f = new Fixture(dossier, nationality, transfer.minusDays(40));
        f.accept(new ApplicationRegistered(f.id, transfer.minusDays(30), ApplicationId.of("A-" + dossier.substring(2)), ApplicationType.FIRST,
                f.persons, LanguageRole.FR, false));
        f.accept(new ApplicationLodged(f.id, transfer.minusDays(20)));
        f.accept(new DublinCheckStarted(f.id, transfer.minusDays(20)));
        f.accept(new DublinDecided(f.id, transfer.minusDays(1), DublinOutcome.BELGIUM_RESPONSIBLE));
        return f.accept(new TransferredToCgvs(f.id, transfer));
    }

    @Test
    void moldovaEntersTheFifteenDayTrackWithTheSafeCountryDecreeOf12May2024() {
        Fixture before = transferredOn("D-MD-BEFORE", "MD", LocalDate.of(2024, 5, 11));
        Rejection r = before.reject(new TrackAssigned(before.id, LocalDate.of(2024, 5, 13), Track.FAST_TRACK_15));
        assertThat(r.rule()).isEqualTo(Rule.FAST_TRACK_ELIGIBILITY);
        assertThat(r.detail()).contains("MD").contains("2024-05-11");

        Fixture on = transferredOn("D-MD-ON", "MD", LocalDate.of(2024, 5, 12));
        on.accept(new TrackAssigned(on.id, LocalDate.of(2024, 5, 13), Track.FAST_TRACK_15));
        assertThat(on.state.track()).isEqualTo(Track.FAST_TRACK_15);
    }

    @Test
    void theFastTrackStartsOn1February2024() {
        Fixture before = transferredOn("D-AL-BEFORE", "AL", LocalDate.of(2024, 1, 31));
        assertThat(before.reject(new TrackAssigned(before.id, LocalDate.of(2024, 2, 1), Track.FAST_TRACK_15)).rule())
                .isEqualTo(Rule.FAST_TRACK_ELIGIBILITY);
        Fixture on = transferredOn("D-AL-ON", "AL", LocalDate.of(2024, 2, 1));
        on.accept(new TrackAssigned(on.id, LocalDate.of(2024, 2, 1), Track.FAST_TRACK_15));
        // A safe country is not on the 50-day list.
        assertThat(on.reject(new TrackAssigned(on.id, LocalDate.of(2024, 2, 2), Track.FAST_TRACK_50)).rule()).isEqualTo(Rule.FAST_TRACK_ELIGIBILITY);
    }

    @Test
    void theDecisionDeadlineOfAFastTrackFileSkipsEasterMonday() {
        Fixture f = transferredOn("D-AL-EASTER", "AL", LocalDate.of(2024, 3, 28));
        f.accept(new TrackAssigned(f.id, LocalDate.of(2024, 3, 28), Track.FAST_TRACK_15));
        assertThat(Fixture.RULEBOOK.deadlines(f.state)).anySatisfy(d -> {
            assertThat(d.what()).contains("CGVS decision");
            assertThat(d.date()).isEqualTo(LocalDate.of(2024, 4, 19));
        });
    }

    @Test
    void beninJoinsTheFiftyDayTrackIn2025AndCongoOnlyWithAGreekStatus() {
        Fixture bj2024 = transferredOn("D-BJ-2024", "BJ", LocalDate.of(2024, 12, 31));
        assertThat(bj2024.reject(new TrackAssigned(bj2024.id, LocalDate.of(2025, 1, 2), Track.FAST_TRACK_50)).rule())
                .isEqualTo(Rule.FAST_TRACK_ELIGIBILITY);
        Fixture bj2025 = transferredOn("D-BJ-2025", "BJ", LocalDate.of(2025, 1, 1));
        bj2025.accept(new TrackAssigned(bj2025.id, LocalDate.of(2025, 1, 2), Track.FAST_TRACK_50));
        // DR Congo has been on the 50-day list since February 2024 (part of the files).
        Fixture cd = transferredOn("D-CD-2024", "CD", LocalDate.of(2024, 6, 3));
        cd.accept(new TrackAssigned(cd.id, LocalDate.of(2024, 6, 4), Track.FAST_TRACK_50));
    }

    @Test
    void policiesInForceOnADate() {
        var book = Fixture.RULEBOOK.policies();
        assertThat(book.safeCountries(LocalDate.of(2024, 5, 11))).extracting(Object::toString).doesNotContain("MD").contains("AL", "XK");
        assertThat(book.safeCountries(LocalDate.of(2024, 5, 12))).extracting(Object::toString).contains("MD");
        assertThat(book.negativeExit(LocalDate.of(2024, 3, 13)).id()).isEqualTo("EXIT_AT_ORDER_TO_LEAVE");
        assertThat(book.negativeExit(LocalDate.of(2024, 3, 14)).days()).isEqualTo(30);
        assertThat(book.transition(LocalDate.of(2024, 7, 31)).months()).isEqualTo(2);
        assertThat(book.transition(LocalDate.of(2024, 8, 1)).months()).isEqualTo(4);
        assertThat(book.receptionPriority(LocalDate.of(2024, 6, 1)).exemptAgeTo()).isEqualTo(19);
        assertThat(book.inForce(LocalDate.of(2024, 12, 9))).extracting(p -> p.id()).contains("SUSPEND_SYRIA", "SUSPEND_NOTIFICATION_LEBANON_SP")
                .doesNotContain("SUSPEND_RUSSIA");
    }

    @Test
    void aLaterPolicyWithTheSameIdReplacesTheBuiltInOne() {
        var book = Fixture.RULEBOOK.policies().with(java.util.List.of(new be.keten.core.policy.Policy.Transition("TRANSITION_4_MONTHS",
                be.keten.core.policy.Validity.from(LocalDate.of(2024, 8, 1)), 6, "test")));
        assertThat(book.transition(LocalDate.of(2025, 1, 1)).months()).isEqualTo(6);
        assertThat(book.all()).filteredOn(p -> p.id().equals("TRANSITION_4_MONTHS")).hasSize(1);
    }
}
