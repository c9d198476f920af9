package be.keten.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.keten.server.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Simulations as jobs: submit (by name or as YAML), poll, results, visibility, cancel, invalid scenarios. */
class SimulationApiTest extends ApiTestBase {

    private static MockHttpServletRequestBuilder submit(String json) {
        return post("/api/simulations").contentType(MediaType.APPLICATION_JSON).content(json);
    }

    /** Waits for a job to end (bounded, so a broken job fails the test instead of hanging it); returns its last status. */
    private JsonNode await(String id, Role role) throws Exception {
        for (int i = 0; i < 1200; i++) {
            JsonNode j = json(mvc.perform(get("/api/simulations/" + id).with(as(role))).andExpect(status().isOk()).andReturn());
            String s = j.get("status").asText();
            if (!s.equals("QUEUED") && !s.equals("RUNNING")) {
                return j;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + id + " did not end");
    }

    @Test
    void submitPollAndFetchResults() throws Exception {
        JsonNode job = json(mvc.perform(submit("{\"scenario\":\"baseline-2025.yaml\",\"replications\":2,\"seed\":7,\"horizon_months\":2}")
                .with(as(Role.CGVS))).andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/simulations/")))
                .andReturn());
        String id = job.get("id").asText();
        assertThat(job.get("owner").asText()).isEqualTo(account(Role.CGVS));
        assertThat(job.get("replications").asInt()).isEqualTo(2);
        assertThat(job.get("firstMonth").asText()).isEqualTo("2025-01");
        assertThat(job.get("lastMonth").asText()).isEqualTo("2025-02");
        JsonNode done = await(id, Role.CGVS);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.get("results").asText()).isEqualTo("/api/simulations/" + id + "/results");

        JsonNode results = json(mvc.perform(get("/api/simulations/" + id + "/results").with(as(Role.CGVS))).andExpect(status().isOk()).andReturn());
        assertThat(results.get("indicators").size()).isEqualTo(be.keten.sim.Indicator.all().size());
        JsonNode applications = results.get("indicators").get(0);
        assertThat(applications.get("code").asText()).isEqualTo("applications");
        assertThat(applications.get("monthly")).hasSize(2);
        JsonNode band = applications.get("monthly").get(0);
        assertThat(band.get("period").asText()).isEqualTo("2025-01");
        assertThat(band.get("p5").asDouble()).isLessThanOrEqualTo(band.get("p50").asDouble());
        assertThat(band.get("p50").asDouble()).isLessThanOrEqualTo(band.get("p95").asDouble());
        assertThat(applications.get("yearly")).hasSize(1);

        String csv = mvc.perform(get("/api/simulations/" + id + "/results").param("format", "csv").with(as(Role.CGVS)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("month,indicator,unit,mean,p5,p50,p95\n2025-01,applications,persons,");
        String summary = mvc.perform(get("/api/simulations/" + id + "/results").param("format", "csv").param("period", "year")
                .with(as(Role.CGVS))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(summary).startsWith("year,indicator,unit,mean,p5,p50,p95\n2025,");

        // Another agency's user does not see the job; an analyst sees everyone's.
        mvc.perform(get("/api/simulations/" + id).with(as(Role.DVZ))).andExpect(status().isNotFound());
        assertThat(ids(Role.DVZ)).doesNotContain(id);
        assertThat(ids(Role.ANALYST)).contains(id);
        assertThat(ids(Role.CGVS)).contains(id);
        mvc.perform(get("/api/simulations/" + id + "/results").with(as(Role.ANALYST))).andExpect(status().isOk());
        // Only its owner cancels a job; a finished job cannot be cancelled.
        mvc.perform(delete("/api/simulations/" + id).with(as(Role.ANALYST))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/simulations/" + id).with(as(Role.CGVS))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("DONE"));
    }

    @Test
    void theStockFlowEstimateIsThereFromSubmissionInTheResultsShape() throws Exception {
        String body = "{\"scenario\":\"baseline-2025.yaml\",\"replications\":2,\"seed\":7,\"horizon_months\":2}";
        JsonNode job = json(mvc.perform(submit(body).with(as(Role.FEDASIL))).andExpect(status().isAccepted()).andReturn());
        String id = job.get("id").asText();
        // Whether the job is still queued or has already run, its estimate is there.
        assertThat(job.get("estimate").asText()).isEqualTo("/api/simulations/" + id + "/estimate");
        JsonNode estimate = json(mvc.perform(get("/api/simulations/" + id + "/estimate").with(as(Role.FEDASIL)))
                .andExpect(status().isOk()).andReturn());
        assertThat(estimate.get("replications").asInt()).isZero();
        assertThat(estimate.has("seed")).as("a deterministic model has no seed").isFalse();
        assertThat(estimate.get("indicators").size()).isEqualTo(be.keten.sim.Indicator.all().size());
        be.keten.sim.Scenario sc = new be.keten.server.simulation.Levers(1.0, null, 0, null, 0, List.of(), 2)
                .apply(be.keten.sim.ScenarioFile.read(Path.of("../examples/scenarios/baseline-2025.yaml")));
        be.keten.sim.Outcome fluid = be.keten.sim.FluidModel.run(sc);
        List<be.keten.sim.Indicator> all = be.keten.sim.Indicator.all();
        for (int i = 0; i < all.size(); i++) {
            JsonNode series = estimate.get("indicators").get(i);
            assertThat(series.get("code").asText()).isEqualTo(all.get(i).code());
            for (int m = 0; m < 2; m++) {
                JsonNode band = series.get("monthly").get(m);
                double v = fluid.monthly()[i][m];
                if (Double.isNaN(v)) {
                    assertThat(band.path("p50").isNumber()).as(all.get(i).key() + ": undefined, so absent").isFalse();
                } else {
                    for (String q : List.of("mean", "p5", "p50", "p95")) {
                        assertThat(band.get(q).asDouble()).as(all.get(i).key() + " " + q).isEqualTo(v);
                    }
                }
            }
        }
        // As CSV, what 'keten simulate --fluid' writes.
        Path dir = Files.createTempDirectory("keten-fluid-");
        be.keten.sim.SimulationOutput.write(dir, sc, List.of(fluid), be.keten.sim.FluidModel.MODE);
        String csv = mvc.perform(get("/api/simulations/" + id + "/estimate").param("format", "csv").with(as(Role.FEDASIL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo(Files.readString(dir.resolve("series.csv")));
        mvc.perform(get("/api/simulations/" + id + "/estimate").param("period", "week").with(as(Role.FEDASIL)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("period"));
        mvc.perform(get("/api/simulations/" + id + "/estimate").with(as(Role.DVZ))).andExpect(status().isNotFound());
        await(id, Role.FEDASIL);
    }

    private List<String> ids(Role role) throws Exception {
        List<String> out = new ArrayList<>();
        json(mvc.perform(get("/api/simulations").with(as(role))).andExpect(status().isOk()).andReturn()).forEach(j -> out.add(j.get("id").asText()));
        return out;
    }

    @Test
    void scenarioAsYamlTextResolvesItsFilesLikeTheScenariosFolder() throws Exception {
        String yaml = Files.readString(Path.of("../examples/scenarios/baseline-2025.yaml"));
        String body = JSON.createObjectNode().put("yaml", yaml).put("replications", 1).put("horizon_months", 1).toString();
        JsonNode job = json(mvc.perform(submit(body).with(as(Role.ANALYST))).andExpect(status().isAccepted()).andReturn());
        assertThat(job.get("scenario").asText()).isEqualTo("baseline-2025");
        assertThat(await(job.get("id").asText(), Role.ANALYST).get("status").asText()).isEqualTo("DONE");
    }

    @Test
    void aSubmittedScenarioCannotReadFilesElsewhere() throws Exception {
        String yaml = Files.readString(Path.of("../examples/scenarios/baseline-2025.yaml"));
        String outside = yaml.replace("policy_files: [policies-baseline-2025.yaml]", "policy_files: [/etc/passwd]");
        mvc.perform(submit(JSON.createObjectNode().put("yaml", outside).toString()).with(as(Role.ANALYST)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("policy_files[0]"));
        String up = yaml.replace("network_file: ../reception/network-2024.csv", "network_file: ../../../../../../etc/hosts.csv");
        mvc.perform(submit(JSON.createObjectNode().put("yaml", up).toString()).with(as(Role.ANALYST)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reception.network_file"));
    }

    @Test
    void invalidRequestsAre400NamingTheField() throws Exception {
        mvc.perform(submit("{\"scenario\":\"../secrets.yaml\"}").with(as(Role.DVZ))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("scenario"));
        mvc.perform(submit("{\"scenario\":\"missing.yaml\"}").with(as(Role.DVZ))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("scenario"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("baseline-2025.yaml")));
        // A policy file in the scenarios folder is not a scenario: not offered, by the API as by the what-if page.
        mvc.perform(submit("{\"scenario\":\"policies-baseline-2025\"}").with(as(Role.DVZ))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("policies-baseline-2025.yaml"))))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("scenario: no scenario 'policies-baseline-2025' on the server")));
        mvc.perform(submit("{}").with(as(Role.DVZ))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("scenario"));
        mvc.perform(submit("{\"scenario\":\"baseline-2025.yaml\",\"yaml\":\"name: x\"}").with(as(Role.DVZ))).andExpect(status().isBadRequest());
        mvc.perform(submit("{\"scenario\":\"baseline-2025.yaml\",\"replications\":1001}").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("replications"));
        mvc.perform(submit("{\"scenario\":\"baseline-2025.yaml\",\"replications\":\"ten\"}").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("replications"));
        mvc.perform(submit("{\"scenario\":\"baseline-2025.yaml\",\"horizon_months\":0}").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("horizon_months"));
        mvc.perform(submit("{\"scenario\":\"baseline-2025.yaml\",\"threads\":64}").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("threads"));
        mvc.perform(submit("{\"yaml\":\"name: [unclosed\"}").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("yaml"));
        mvc.perform(submit("{\"yaml\":\"name: only-a-name\\nstart: 2025-01-01\\nhorizon_months: 12\\n\"}").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(Problems.type("invalid-scenario").toString()))
                .andExpect(jsonPath("$.field").value("initial"));
        mvc.perform(submit("{\"yaml\":\"name: x\\nstart: 2025-01-01\\nhorizon_months: 999\\n\"}").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("horizon_months"));
    }

    @Test
    void cancelAQueuedOrRunningJob() throws Exception {
        // Two jobs: the first keeps the runner busy, the second waits in the queue and is cancelled there (or while it runs).
        String first = json(mvc.perform(submit("{\"scenario\":\"baseline-2025.yaml\",\"replications\":50,\"horizon_months\":12}")
                .with(as(Role.FEDASIL))).andExpect(status().isAccepted()).andReturn()).get("id").asText();
        String second = json(mvc.perform(submit("{\"scenario\":\"baseline-2025.yaml\",\"replications\":50,\"horizon_months\":12}")
                .with(as(Role.FEDASIL))).andExpect(status().isAccepted()).andReturn()).get("id").asText();
        mvc.perform(delete("/api/simulations/" + second).with(as(Role.FEDASIL))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(delete("/api/simulations/" + first).with(as(Role.FEDASIL)));
        assertThat(await(first, Role.FEDASIL).get("status").asText()).isIn("CANCELLED", "DONE");
        mvc.perform(get("/api/simulations/" + second + "/results").with(as(Role.FEDASIL))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(delete("/api/simulations/" + second).with(as(Role.FEDASIL))).andExpect(status().isConflict());
    }
}
