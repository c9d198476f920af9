package be.keten.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.keten.core.pathway.PathwayChannel;
import be.keten.core.procedure.ApplicationType;
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

    /** The paths (examples/belgium-2024.yaml, examples/belgium-2025-2029.yaml) are links that read as the scenarios they name, policy files included. */
    @Test
    void theLinkedExamplesReadAsTheirScenarios() throws Exception {
        for (String name : new String[] {"belgium-2024.yaml", "belgium-2025-2029.yaml"}) {
            Path link = Path.of("../examples", name);
            assertThat(java.nio.file.Files.isSymbolicLink(link)).as(name).isTrue();
            assertThat(ScenarioFile.read(link)).usingRecursiveComparison().isEqualTo(ScenarioFile.read(Path.of("../examples/scenarios", name)));
        }
    }

    /** A scenario's relative paths start from the real file's folder, wherever the link to it lies. */
    @Test
    void aLinkToAScenarioElsewhereReadsItsPolicyFiles() throws Exception {
        Path link = dir.resolve("linked.yaml");
        java.nio.file.Files.createSymbolicLink(link, Path.of("../examples/scenarios/belgium-2025-2029.yaml").toAbsolutePath());
        assertThat(ScenarioFile.read(link)).usingRecursiveComparison().isEqualTo(ScenarioFile.read(Path.of("../examples/scenarios/belgium-2025-2029.yaml")));
    }

    @Test
    void theExampleAndTheTestScenarioAreValid() throws Exception {
        assertThat(Scenarios.small().horizonMonths()).isEqualTo(24);
        Scenario base = ScenarioFile.read(Path.of("../examples/scenarios/baseline-2025.yaml"));
        assertThat(base.reception().network().capacityOn(base.start())).isEqualTo(36_205);
        assertThat(base.policies().processingSuspension(be.keten.core.person.Nationality.of("SY"), false,
                java.time.LocalDate.of(2025, 7, 1))).isEmpty();
        assertThat(base.pathways()).extracting(Scenario.Pathway::channel).containsExactly(PathwayChannel.RESETTLEMENT,
                PathwayChannel.RELOCATION, PathwayChannel.HUMANITARIAN_CORRIDOR);
        assertThat(base.pathways()).extracting(Scenario.Pathway::applicationType).containsExactly(ApplicationType.RESETTLEMENT,
                ApplicationType.RELOCATION, ApplicationType.HUMANITARIAN_CORRIDOR);
        assertThat(base.pathways()).extracting(Scenario.Pathway::personsPerMonth).containsExactly(40.0, 3.0, 5.0);
        assertThat(Scenarios.small().pathways()).isEmpty();
    }

    private static final String PATHWAY = "  - {channel: RELOCATION, persons_per_month: 3, nationality: SY, first_country_of_asylum: CY, "
            + "decision_mix: {refugee_status: 1.0}}\n";

    private ScenarioException invalidPathways(String items) throws Exception {
        return invalid("dvz:\n", "pathways:\n" + items + "dvz:\n");
    }

    @Test
    void anInvalidPathwayChannelNamesTheKeyPathTheValueAndTheAllowedChannels() throws Exception {
        ScenarioException channel = invalidPathways(PATHWAY + PATHWAY.replace("RELOCATION", "EVACUATION"));
        assertThat(channel.key()).isEqualTo("pathways[1].channel");
        assertThat(channel.value()).isEqualTo("EVACUATION");
        assertThat(channel.getMessage()).contains("pathways[1].channel: 'EVACUATION' is not valid; allowed: one of "
                + "[RESETTLEMENT, RELOCATION, HUMANITARIAN_CORRIDOR, OTHER_ADMISSION]");

        ScenarioException negative = invalidPathways(PATHWAY.replace("persons_per_month: 3", "persons_per_month: -2"));
        assertThat(negative.key()).isEqualTo("pathways[0].persons_per_month");
        assertThat(negative.value()).isEqualTo("-2");
        assertThat(negative.allowed()).isEqualTo("a number from 0 to 10000");

        ScenarioException twice = invalidPathways(PATHWAY + PATHWAY);
        assertThat(twice.key()).isEqualTo("pathways[1].channel");
        assertThat(twice.value()).isEqualTo("RELOCATION");
        assertThat(twice.allowed()).contains("each channel once");

        assertThat(invalidPathways(PATHWAY.replace("channel: RELOCATION, ", "")).getMessage())
                .contains("pathways[0].channel: missing is not valid").contains("the key is required");
        assertThat(invalidPathways(PATHWAY.replace("nationality: SY", "nationality: Syria")).key()).isEqualTo("pathways[0].nationality");
        assertThat(invalidPathways(PATHWAY.replace("{refugee_status: 1.0}", "{refugee_status: 0.9}")).key())
                .isEqualTo("pathways[0].decision_mix");
        assertThat(invalidPathways(PATHWAY.replace("nationality: SY", "nationalty: SY")).key()).isEqualTo("pathways[0].nationalty");
        ScenarioException notAList = invalid("dvz:\n", "pathways: {channel: RELOCATION}\ndvz:\n");
        assertThat(notAList.key()).isEqualTo("pathways");
        assertThat(notAList.allowed()).startsWith("a list of pathway channels");
        assertThat(invalid("dvz:\n", "resettlement: {persons_per_month: 40}\ndvz:\n").key()).isEqualTo("resettlement");
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

    @Test
    void subsequentAdmissibilityPriorityIsOffUnlessSetAndIsABoolean() throws Exception {
        String key = "subsequent_admissible_share: 0.2\n";
        assertThat(Scenarios.small().cgvs().subsequentAdmissibilityPriority()).isFalse();
        assertThat(invalid(key, key + "  subsequent_admissibility_priority: true\n")).isNull();
        assertThat(ScenarioFile.read(dir.resolve("s.yaml")).cgvs().subsequentAdmissibilityPriority()).isTrue();
        ScenarioException e = invalid(key, key + "  subsequent_admissibility_priority: soon\n");
        assertThat(e.key()).isEqualTo("cgvs.subsequent_admissibility_priority");
        assertThat(e.value()).isEqualTo("soon");
        assertThat(e.allowed()).isEqualTo("true or false");
    }
}
