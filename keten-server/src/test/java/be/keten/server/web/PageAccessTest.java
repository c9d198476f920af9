package be.keten.server.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.keten.server.security.Access;
import be.keten.server.security.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Which role may open which page (others get 403), logins, CSRF on forms, the language switch, downloads. */
@SpringBootTest
@AutoConfigureMockMvc
class PageAccessTest {
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        TestData.properties(r, "web-access");
    }

    @Autowired
    MockMvc mvc;

    static final Map<String, Set<Role>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/", Access.AGGREGATE_READERS);
        PAGES.put("/statistics", Access.AGGREGATE_READERS);
        PAGES.put("/statistics?month=2023-05", Access.AGGREGATE_READERS);
        PAGES.put("/reception", Access.AGGREGATE_READERS);
        PAGES.put("/what-if", Access.SIMULATORS);
        PAGES.put("/cases", Access.CASE_READERS);
        PAGES.put("/cases?list=1", Access.CASE_READERS);
        PAGES.put("/audit", Access.ADMINISTRATORS);
        PAGES.put("/accounts", Access.ADMINISTRATORS);
    }

    private static RequestPostProcessor as(Role r) {
        return user("page-" + r.code()).roles(r.name());
    }

    @Test
    void eachPageOpensForItsRolesAndIsForbiddenToOthers() throws Exception {
        for (var page : PAGES.entrySet()) {
            for (Role r : Role.values()) {
                mvc.perform(get(page.getKey()).with(as(r))).andExpect(page.getValue().contains(r) ? status().isOk() : status().isForbidden());
            }
        }
    }

    @Test
    void caseTimelineIsForAgenciesAndAnUnknownDossierIsNotFound() throws Exception {
        for (Role r : Role.values()) {
            mvc.perform(get("/cases/D-2022-999999").with(as(r)))
                    .andExpect(Access.CASE_READERS.contains(r) ? status().isNotFound() : status().isForbidden());
        }
        mvc.perform(get("/cases/not-an-id").with(as(Role.DVZ))).andExpect(status().isNotFound());
    }

    @Test
    void aUserWithoutRoleMayOpenNoPage() throws Exception {
        for (String page : PAGES.keySet()) {
            mvc.perform(get(page).with(user("nobody").authorities(java.util.List.of()))).andExpect(status().isForbidden());
        }
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        for (String page : PAGES.keySet()) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        }
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/css/keten.css")).andExpect(status().isOk());
        mvc.perform(get("/js/whatif.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/chart.js/4.4.1/dist/chart.umd.js")).andExpect(status().isOk());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/accounts").param("username", "someone").param("role", "dvz").with(as(Role.ADMIN))).andExpect(status().isForbidden());
        mvc.perform(post("/accounts/page-dvz/disable").with(as(Role.ADMIN))).andExpect(status().isForbidden());
        mvc.perform(post("/what-if").param("horizon", "2").with(as(Role.ANALYST))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(as(Role.ANALYST))).andExpect(status().isForbidden());
        // With the token the same form goes through.
        mvc.perform(post("/accounts").param("username", "csrf-ok").param("role", "dvz").with(as(Role.ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/accounts*"));
    }

    @Test
    void adminFormsNeedTheAdminRoleEvenWithAToken() throws Exception {
        mvc.perform(post("/accounts").param("username", "sneaky").param("role", "admin").with(as(Role.ANALYST)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/accounts/page-dvz/disable").with(as(Role.DVZ)).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void whatIfJobsAreForSimulatorsAndTheirOwnerOnly() throws Exception {
        mvc.perform(get("/what-if/jobs/nope").with(as(Role.ANALYST))).andExpect(status().isNotFound());
        mvc.perform(get("/what-if/jobs/nope").with(as(Role.ADMIN))).andExpect(status().isForbidden());
    }

    @Autowired
    be.keten.server.simulation.SimulationJobs jobs;

    @Test
    void aRunIsCancelledByItsOwnerWithACsrfTokenOnly() throws Exception {
        be.keten.sim.Scenario sc = be.keten.sim.ScenarioFile.read(TestData.SCENARIOS.resolve("baseline-2025.yaml"));
        var job = jobs.submit("page-analyst", "long run", sc, 50, 1);
        mvc.perform(post("/what-if/jobs/" + job.id() + "/cancel").with(as(Role.ANALYST))).andExpect(status().isForbidden());
        mvc.perform(post("/what-if/jobs/" + job.id() + "/cancel").with(as(Role.CGVS)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/what-if/jobs/" + job.id() + "/cancel").param("a", job.id()).with(as(Role.ANALYST)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/what-if?a=*"));
        org.assertj.core.api.Assertions.assertThat(job.status()).isEqualTo(be.keten.server.simulation.SimulationJobs.Status.CANCELLED);
    }

    /** The index of the CGVS workload in dossiers among the engine's indicators. */
    private static final int WORKLOAD = be.keten.sim.Indicator.indexOf("cgvs_workload|dossiers");

    /** baseline-2025 cut to {@code months} months, as the what-if page's horizon lever does. */
    private static be.keten.sim.Scenario baseline(int months) throws Exception {
        return new be.keten.server.simulation.Levers(1.0, null, 0, null, 0, java.util.List.of(), months)
                .apply(be.keten.sim.ScenarioFile.read(TestData.SCENARIOS.resolve("baseline-2025.yaml")));
    }

    /** The what-if page's polling answer for a job of the analyst's. */
    private com.fasterxml.jackson.databind.JsonNode answer(String job) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(mvc.perform(get("/what-if/jobs/" + job).with(as(Role.ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aRunsPollingAnswerCarriesTheQuickEstimateAtOnceThenTheBands() throws Exception {
        be.keten.sim.Scenario sc = baseline(2);
        var job = jobs.submit("page-analyst", "two months", sc, 2, 3);
        int workload = WORKLOAD;
        var first = answer(job.id());
        org.assertj.core.api.Assertions.assertThat(first.get("months").toString()).isEqualTo("[\"2025-01\",\"2025-02\"]");
        var estimate = first.get("estimate").get("cgvs_workload|dossiers");
        double[] fluid = be.keten.sim.FluidModel.run(sc).monthly()[workload];
        org.assertj.core.api.Assertions.assertThat(estimate.get("values").size()).isEqualTo(2);
        for (int m = 0; m < 2; m++) {
            org.assertj.core.api.Assertions.assertThat(estimate.get("values").get(m).asDouble()).isEqualTo(fluid[m]);
        }
        org.assertj.core.api.Assertions.assertThat(first.get("estimate").get("protection_rate|dossiers").get("rate").asBoolean()).isTrue();
        for (int i = 0; i < 2400 && job.status() != be.keten.server.simulation.SimulationJobs.Status.DONE; i++) {
            Thread.sleep(100);
        }
        var done = answer(job.id());
        org.assertj.core.api.Assertions.assertThat(done.get("status").asText()).isEqualTo("DONE");
        org.assertj.core.api.Assertions.assertThat(done.get("inBands").asInt()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(done.has("estimate")).isTrue();   // kept beside the bands
        var p50 = done.get("series").get("cgvs_workload|dossiers").get("p50");
        for (int m = 0; m < 2; m++) {
            org.assertj.core.api.Assertions.assertThat(p50.get(m).asDouble())
                    .isEqualTo(be.keten.sim.Bands.of(job.outcomes(), false, workload, m).p50());
        }
    }

    @Test
    void everyAnswerWhileARunGoesOnShowsTheBandsOfItsFirstFinishedReplications() throws Exception {
        var job = jobs.submit("page-analyst", "six months", baseline(6), 12, 9);
        int workload = WORKLOAD;
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (int poll = 0; poll < 6000; poll++) {
            var answer = answer(job.id());
            String status = answer.get("status").asText();
            if (answer.has("series")) {
                // k replications in the bands: the first k, whichever finished first; at least two until the run is done.
                int k = answer.get("inBands").asInt();
                seen.add(k);
                org.assertj.core.api.Assertions.assertThat(k).isBetween(status.equals("DONE") ? 1 : 2, 12);
                var leading = job.leading();   // only grows, so its first k are those of the answer
                var p50 = answer.get("series").get("cgvs_workload|dossiers").get("p50");
                for (int m = 0; m < 6; m++) {
                    org.assertj.core.api.Assertions.assertThat(p50.get(m).asDouble())
                            .isEqualTo(be.keten.sim.Bands.of(leading.subList(0, k), false, workload, m).p50());
                }
            } else {
                org.assertj.core.api.Assertions.assertThat(status).isNotEqualTo("DONE");
            }
            if (status.equals("DONE")) {
                org.assertj.core.api.Assertions.assertThat(answer.get("inBands").asInt()).isEqualTo(12);
                break;
            }
            Thread.sleep(50);
        }
        org.assertj.core.api.Assertions.assertThat(seen).as("bands seen, by replications in them").contains(12);
    }

    @Test
    void theLanguageIsChosenWithLangAndKeptInACookie() throws Exception {
        mvc.perform(get("/").param("lang", "fr").with(as(Role.ANALYST)))
                .andExpect(status().isOk())
                .andExpect(cookie().value(WebConfiguration.COOKIE, "fr"))
                .andExpect(content().string(containsString("<html lang=\"fr\">")))
                .andExpect(content().string(containsString("Vue d’ensemble de la chaîne")));
        mvc.perform(get("/").cookie(new jakarta.servlet.http.Cookie(WebConfiguration.COOKIE, "nl")).with(as(Role.ANALYST)))
                .andExpect(content().string(containsString("Overzicht van de keten")));
        mvc.perform(get("/").param("lang", "de").with(as(Role.ANALYST)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<html lang=\"en\">")));
        mvc.perform(get("/").header("Accept-Language", "fr-BE,fr;q=0.9").with(as(Role.ANALYST)))
                .andExpect(content().string(containsString("<html lang=\"fr\">")));
    }

    @Test
    void pagesCarryNoInlineScriptOrStyle() throws Exception {
        for (String page : PAGES.keySet()) {
            Role r = PAGES.get(page).iterator().next();
            String html = mvc.perform(get(page).with(as(r))).andExpect(header().exists("Content-Security-Policy"))
                    .andReturn().getResponse().getContentAsString();
            org.junit.jupiter.api.Assertions.assertFalse(html.contains(" style=\""), page + " has a style attribute");
            org.junit.jupiter.api.Assertions.assertFalse(html.contains("<style"), page + " has a style element");
            org.junit.jupiter.api.Assertions.assertFalse(html.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), page + " has an inline script");
            org.junit.jupiter.api.Assertions.assertFalse(html.contains("onclick=") || html.contains("onchange="), page + " has an event attribute");
        }
    }

    @Test
    void statisticsDownloadInEachFormat() throws Exception {
        mvc.perform(get("/statistics/download").param("month", "2023-05").param("format", "csv").with(as(Role.ANALYST)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("zip")));
        mvc.perform(get("/statistics/download").param("month", "2023-05").param("format", "csv").param("table", "cgvs_workload.csv")
                        .with(as(Role.ANALYST)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("text/csv")));
        mvc.perform(get("/statistics/download").param("month", "2023-05").param("format", "xlsx").with(as(Role.ANALYST)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition", containsString(".xlsx")));
        mvc.perform(get("/statistics/download").param("month", "2023-05").param("format", "pdf").param("lang", "nl").with(as(Role.ANALYST)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("-nl.pdf")));
        mvc.perform(get("/statistics/download").param("format", "doc").with(as(Role.ANALYST))).andExpect(status().isBadRequest());
    }
}
