package be.keten.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.person.Nationality;
import be.keten.core.policy.Policy.Suspension;
import be.keten.core.policy.Policy.SuspensionScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PolicyBookTest {
    /** The built-in book with the Syrian suspension lifted after six months, as the baseline scenario assumes. */
    private static final PolicyBook LIFTED = BelgianPolicies.book().with(List.of(new Suspension("SUSPEND_SYRIA",
            Validity.between(LocalDate.of(2024, 12, 9), LocalDate.of(2025, 6, 30)), Nationality.of("SY"), SuspensionScope.PROCESSING, Set.of(),
            true, "test")));
    private static final List<Nationality> NATIONALITIES = List.of(Nationality.of("SY"), Nationality.of("UA"), Nationality.of("RU"),
            Nationality.of("SD"), Nationality.of("LB"), Nationality.of("AF"), Nationality.of("ER"));

    /** "No suspension in force" lets a caller skip the file: it must never hide one that covers a file. */
    @Property
    void noSuspensionInForceMeansNoFileIsCovered(@ForAll @IntRange(min = 0, max = 4000) int dayFrom2020, @ForAll boolean protectedElsewhere) {
        LocalDate day = LocalDate.of(2020, 1, 1).plusDays(dayFrom2020);
        for (PolicyBook book : List.of(BelgianPolicies.book(), LIFTED)) {
            boolean any = book.anyProcessingSuspension(day);
            boolean covers = NATIONALITIES.stream().anyMatch(n -> book.processingSuspension(n, protectedElsewhere, day).isPresent());
            if (covers) {
                assertThat(any).as("a file is covered on %s", day).isTrue();
            }
            if (any && !protectedElsewhere) {
                assertThat(covers).as("the suspension in force on %s covers some nationality", day).isTrue();
            }
        }
    }

    @Test
    void aNotificationSuspensionIsNoSuspensionOfProcessing() {
        assertThat(LIFTED.anyProcessingSuspension(LocalDate.of(2025, 1, 15))).isTrue();    // Syria and Ukraine
        assertThat(LIFTED.anyProcessingSuspension(LocalDate.of(2026, 3, 4))).isTrue();     // the last day for Ukraine
        assertThat(LIFTED.anyProcessingSuspension(LocalDate.of(2026, 3, 5))).isFalse();    // Lebanon's notification suspension still runs
        assertThat(LIFTED.notificationSuspension(Nationality.of("LB"), false, be.keten.core.procedure.DecisionType.SUBSIDIARY_PROTECTION,
                LocalDate.of(2026, 3, 5))).isPresent();
        assertThat(BelgianPolicies.book().anyProcessingSuspension(LocalDate.of(2027, 1, 1))).isTrue();   // Syria, open-ended
    }
}
