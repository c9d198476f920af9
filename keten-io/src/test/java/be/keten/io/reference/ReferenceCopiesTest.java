package be.keten.io.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The copies shipped in keten-io must stay byte-identical to the shared reference folder. The folder is found
 * through {@code KETEN_REFERENCE_DIR} or next to the checkout ({@code ../../shared/data/reference} from the
 * module); without it the test is skipped, so a build from the product alone still passes.
 */
class ReferenceCopiesTest {

    private static Path referenceDir() {
        String env = System.getenv("KETEN_REFERENCE_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "..", "shared", "data", "reference");
    }

    @ParameterizedTest
    @ValueSource(strings = {ReferenceFiles.RESETTLEMENT, ReferenceFiles.FAIR_SHARE_INPUTS, "applications_monthly.csv",
            "applications_by_nationality.csv", "cgvs_decisions.csv", "cgvs_decisions_by_nationality.csv", "cgvs_workload.csv",
            "cgvs_staff.csv", "reception_capacity.csv", "policy_events.csv", "definitions.csv", "indicators.csv", "README.md"})
    void copyIsByteIdentical(String name) throws IOException {
        Path original = referenceDir().resolve(name);
        assumeTrue(Files.isRegularFile(original), "reference folder not available: " + original.toAbsolutePath());
        try (InputStream copy = ReferenceFiles.open(name)) {
            assertThat(copy.readAllBytes()).isEqualTo(Files.readAllBytes(original));
        }
    }
}
