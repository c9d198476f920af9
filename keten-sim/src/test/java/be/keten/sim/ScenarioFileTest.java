package be.keten.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFileTest {
    @TempDir
    Path dir;

    private ScenarioException invalid(String from, String to) throws Exception {
        String yaml = Files.readString(Scenarios.path("small.yaml")).replace(from, to);
        assertThat(yaml).contains(to);
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return catchThrowableOfType(() -> ScenarioFile.read(f), ScenarioException.class);
    }

    @Test
    void theExampleAndTheTestScenarioAreValid() throws Exception {
        assertThat(Scenarios.small().horizonMonths()).isEqualTo(24);
        Scenario base = ScenarioFile.read(Path.of("../examples/scenarios/baseline-2025.yaml"));
        assertThat(base.reception().network().capacityOn(base.start())).isEqualTo(36_205);
        assertThat(base.policies().processingSuspension(be.keten.core.person.Nationality.of("SY"), false,
                java.time.LocalDate.of(2025, 7, 1))).isEmpty();
    }

    @Test
    void aValueOutOfRangeNamesTheKeyTheValueAndTheRange() throws Exception {
        ScenarioException e = invalid("dublin_share: 0.1", "dublin_share: 1.5");
        assertThat(e.key()).isEqualTo("dvz.dublin_share");
        assertThat(e.value()).isEqualTo("1.5");
        assertThat(e.getMessage()).contains("dvz.dublin_share").contains("1.5").contains("from 0 to 1");
    }

    @Test
    void sharesMustSumToOne() throws Exception {
        ScenarioException e = invalid("{GN: 0.5, CM: 0.3, ER: 0.2}", "{GN: 0.5, CM: 0.3, ER: 0.3}");
        assertThat(e.key()).isEqualTo("inflow.nationality_mix");
        assertThat(e.getMessage()).contains("1.1").contains("summing to 1");
    }

    @Test
    void unknownKeysCodesAndDistributionsAreRefused() throws Exception {
        assertThat(invalid("dublin_share", "dublin_shar").key()).isEqualTo("dvz.dublin_shar");
        ScenarioException code = invalid("refusal: 0.45", "refused: 0.45");
        assertThat(code.key()).isEqualTo("cgvs.decision_mix.refused");
        assertThat(code.allowed()).contains("refusal");
        ScenarioException dist = invalid("distribution: gamma", "distribution: weibull");
        assertThat(dist.key()).isEqualTo("cgvs.service_time.distribution");
        assertThat(dist.allowed()).contains("GAMMA").contains("LOGNORMAL").contains("EXPONENTIAL");
        assertThat(invalid("horizon_months: 24", "horizon_months: 0").getMessage()).contains("horizon_months").contains("1 to 240");
        assertThat(invalid("GN: 0.5", "XX: 0.5").key()).isEqualTo("inflow.nationality_mix.XX");
    }
}
