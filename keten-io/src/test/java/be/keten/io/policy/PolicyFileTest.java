package be.keten.io.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.person.Nationality;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.policy.Policy;
import be.keten.core.policy.PolicyBook;
import be.keten.core.procedure.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("policies.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void theShippedExampleLoadsAndChangesWhatIsInForce() throws Exception {
        Path example = Path.of("..", "examples", "policies", "scenario-2025.yaml");
        List<Policy> loaded = PolicyFile.read(example);
        assertThat(loaded).extracting(Policy::id).containsExactly("SUSPEND_ERITREA_WHAT_IF", "TRANSITION_3_MONTHS_2026", "FTP_GEORGIA_15_WHAT_IF");
        PolicyBook book = BelgianPolicies.book().with(loaded);
        assertThat(book.processingSuspension(Nationality.of("ER"), false, LocalDate.of(2025, 7, 1))).isPresent();
        assertThat(book.processingSuspension(Nationality.of("ER"), true, LocalDate.of(2025, 7, 1))).isEmpty();
        assertThat(book.processingSuspension(Nationality.of("ER"), false, LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(book.transition(LocalDate.of(2026, 1, 1)).months()).isEqualTo(3);
        assertThat(book.transition(LocalDate.of(2025, 12, 31)).months()).isEqualTo(4);
        assertThat(book.fastTrack(Track.FAST_TRACK_15, Nationality.of("GE"), false, LocalDate.of(2026, 1, 1))).isPresent();
    }

    @Test
    void everyKindCanBeWritten() throws Exception {
        Path f = write("""
                policies:
                  - {kind: SafeCountries, id: SC_TEST, from: 2027-01-01, countries: [AL, GE]}
                  - {kind: FastTrack, id: FT_TEST, track: FAST_TRACK_50, nationalities: [TR], onlyProtectedInOtherEuState: true}
                  - {kind: Suspension, id: SU_TEST, nationality: LB, scope: NOTIFICATION, decisionTypes: [REFUGEE_STATUS]}
                  - {kind: ReceptionEntitlement, id: RE_TEST, applicationType: SUBSEQUENT, entitlement: AUTOMATIC}
                  - {kind: NegativeExit, id: NE_TEST, basis: FINAL_NEGATIVE_DECISION, days: 15}
                  - {kind: Transition, id: TR_TEST, months: 1}
                  - {kind: AppealPeriods, id: AP_TEST, normalDays: 30, acceleratedDays: 15, cassationDays: 30}
                  - {kind: InterviewRequirement, id: IR_TEST, decisionTypes: [REFUSAL], exemptApplicationTypes: [RELOCATION]}
                  - {kind: ReceptionPriority, id: RP_TEST, saturationThreshold: 0.9, singleMenWaitingList: true, exemptAgeFrom: 18, exemptAgeTo: 21}
                """);
        assertThat(PolicyFile.read(f)).hasSize(9).allSatisfy(p -> assertThat(p.source()).contains("policies.yaml"));
    }

    @Test
    void errorsNameTheFileTheLineAndTheField() throws Exception {
        String head = "policies:\n  - kind: Transition\n    id: T_OK\n    months: 2\n";
        assertThatThrownBy(() -> PolicyFile.read(write(head + "  - kind: Transition\n    id: T_BAD\n    months: 40\n")))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("policies.yaml:5").hasMessageContaining("months must be within 0..24");
        assertThatThrownBy(() -> PolicyFile.read(write(head + "  - kind: Suspension\n    id: S_BAD\n    nationality: ZZ\n    scope: PROCESSING\n")))
                .hasMessageContaining(":5").hasMessageContaining("unknown nationality code 'ZZ'");
        assertThatThrownBy(() -> PolicyFile.read(write(head + "  - kind: Transition\n    id: T_DATE\n    from: 2024-13-01\n    months: 1\n")))
                .hasMessageContaining(":5: field 'from'").hasMessageContaining("not a date");
        assertThatThrownBy(() -> PolicyFile.read(write(head + "  - kind: Transition\n    id: T_TYPO\n    untill: 2025-01-01\n    months: 1\n")))
                .hasMessageContaining("field 'untill': unknown field for kind Transition");
        assertThatThrownBy(() -> PolicyFile.read(write(head + "  - kind: Curfew\n    id: C_X\n")))
                .hasMessageContaining("field 'kind': unknown policy kind 'Curfew'");
        assertThatThrownBy(() -> PolicyFile.read(write(head + "  - kind: FastTrack\n    id: F_X\n    track: STANDARD\n")))
                .hasMessageContaining("is not a fast track");
        assertThatThrownBy(() -> PolicyFile.read(write(head + "  - kind: Transition\n    id: T_OK\n    months: 3\n")))
                .hasMessageContaining("field 'id': policy id T_OK appears twice");
        assertThatThrownBy(() -> PolicyFile.read(write("policies: [\n")))
                .hasMessageContaining("malformed YAML");
        assertThatThrownBy(() -> PolicyFile.read(write("rules: []\n"))).hasMessageContaining("field 'rules': unknown top-level key");
    }
}
