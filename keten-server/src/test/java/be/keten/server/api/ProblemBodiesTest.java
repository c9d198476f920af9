package be.keten.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.keten.server.security.Role;
import be.keten.server.seed.SyntheticSeed;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/** One request per error class, and the problem+json body each gives. */
class ProblemBodiesTest extends ApiTestBase {
    @Autowired
    SyntheticSeed seed;

    private JsonNode problem(RequestBuilder request, int status, String kind) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(status);
        assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode p = json(r);
        assertThat(p.get("type").asText()).isEqualTo(Problems.type(kind).toString());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        return p;
    }

    @Test
    void malformed400NamesTheField() throws Exception {
        JsonNode p = problem(get("/api/statistics/monthly").param("month", "2023-13").with(as(Role.ANALYST)), 400, "malformed-request");
        assertThat(p.get("field").asText()).isEqualTo("month");
        assertThat(p.get("instance").asText()).isEqualTo("/api/statistics/monthly");
        p = problem(get("/api/statistics/monthly").with(as(Role.ANALYST)), 400, "malformed-request");
        assertThat(p.get("field").asText()).isEqualTo("month");
        p = problem(get("/api/reports/annual").param("year", "2023").param("lang", "de").with(as(Role.ANALYST)), 400, "malformed-request");
        assertThat(p.get("field").asText()).isEqualTo("lang");
        p = problem(get("/api/admin/audit").param("before", "yesterday").with(as(Role.ADMIN)), 400, "malformed-request");
        assertThat(p.get("field").asText()).isEqualTo("before");
    }

    @Test
    void aUrlTheFirewallRefusesIsAMalformedRequestNotAnError() throws Exception {
        JsonNode p = problem(get("/api/cases/D-2023-000001;jsessionid=x").with(as(Role.DVZ)), 400, "malformed-request");
        assertThat(p.get("detail").asText()).startsWith("the URL is not allowed");
    }

    @Test
    void unauthenticated401() throws Exception {
        problem(get("/api/me"), 401, "unauthenticated");
        problem(get("/api/me").with(httpBasicWrong()).with(from("10.99.0.1")), 401, "unauthenticated");
        // A POST without credentials is a 401 too (not a CSRF refusal): there is no session to forge.
        problem(post("/api/simulations").contentType(MediaType.APPLICATION_JSON).content("{}"), 401, "unauthenticated");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor httpBasicWrong() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(account(Role.DVZ), "wrong");
    }

    @Test
    void aSessionWithoutCsrfTokenIsRefused() throws Exception {
        // (Tomcat takes the requested session id from the cookie; MockMvc needs it set as well.)
        problem(post("/api/simulations").cookie(new Cookie("JSESSIONID", "made-up")).with(request -> {
            request.setRequestedSessionId("made-up");
            return request;
        }).contentType(MediaType.APPLICATION_JSON).content("{}"), 403, "forbidden-for-role");
    }

    @Test
    void forbidden403NamesTheRole() throws Exception {
        JsonNode p = problem(get("/api/cases").with(as(Role.ANALYST)), 403, "forbidden-for-role");
        assertThat(p.get("detail").asText()).isEqualTo("role analyst may not read case data");
        p = problem(post("/api/cases/D-2023-000001/commands/decide").contentType(MediaType.APPLICATION_JSON).content("{}")
                .with(as(Role.DVZ)), 403, "forbidden-for-role");
        assertThat(p.get("detail").asText()).isEqualTo("role dvz may not issue the command 'decide'");
    }

    @Test
    void notFound404() throws Exception {
        problem(get("/api/reports/weekly").with(as(Role.ANALYST)), 404, "not-found");
        problem(get("/api/no-such-endpoint").with(as(Role.ANALYST)), 404, "not-found");
        problem(post("/api/cases/D-2023-000001/commands/teleport").content("{}").with(as(Role.DVZ)), 404, "not-found");
        problem(get("/api/simulations/00000000-0000-0000-0000-000000000000").with(as(Role.ANALYST)), 404, "not-found");
    }

    @Test
    void methodNotAllowed405() throws Exception {
        problem(delete("/api/me").with(as(Role.DVZ)), 405, "method-not-allowed");
        problem(post("/api/statistics").with(as(Role.ANALYST)), 405, "method-not-allowed");
    }

    @Test
    void conflict409AndRulebook422() throws Exception {
        String d = CommandApiTest.newDossier();
        mvc.perform(CommandApiTest.command(d, "register", Events.register("2023-05-01", "P-2023-920001", "AF")).with(as(Role.DVZ)));
        JsonNode p = problem(CommandApiTest.command(d, "lodge", Events.dated("2023-05-02")).header("If-Match", "7").with(as(Role.DVZ)), 409,
                "version-conflict");
        assertThat(p.get("field").asText()).isEqualTo("If-Match");
        assertThat(p.get("actualVersion").asInt()).isEqualTo(1);
        p = problem(CommandApiTest.command(d, "judge", "{\"date\":\"2023-05-03\",\"outcome\":\"REJECT\"}").with(as(Role.RVV)), 422,
                "forbidden-by-rulebook");
        assertThat(p.get("rule").asText()).isNotBlank();
        assertThat(p.get("ruleText").asText()).isNotBlank();
        assertThat(p.get("state").asText()).isEqualTo("REGISTERED");
        assertThat(p.get("eventType").asText()).isEqualTo("AppealJudged");
    }

    @Test
    void unsupportedMediaType415() throws Exception {
        problem(post("/api/simulations").contentType(MediaType.APPLICATION_XML).content("<scenario/>").with(as(Role.ANALYST)), 415,
                "unsupported-media-type");
    }

    @Test
    void tooLarge413() throws Exception {
        String big = "{\"yaml\":\"" + "x".repeat(Bodies.MAX_BYTES) + "\"}";
        problem(post("/api/simulations").contentType(MediaType.APPLICATION_JSON).content(big).with(as(Role.ANALYST)), 413, "too-large");
    }

    @Test
    void loading503WithRetryAfter() throws Exception {
        Object before = ReflectionTestUtils.getField(seed, "phase");
        ReflectionTestUtils.setField(seed, "phase", SyntheticSeed.Phase.IMPORTING);
        try {
            MvcResult r = mvc.perform(get("/api/statistics").with(as(Role.ANALYST))).andReturn();
            assertThat(r.getResponse().getHeader("Retry-After")).isEqualTo(Integer.toString(Snapshots.RETRY_AFTER_SECONDS));
            problem(get("/api/statistics").with(as(Role.ANALYST)), 503, "loading");
            problem(get("/api/reports/monthly").param("month", "2023-01").with(as(Role.FEDASIL)), 503, "loading");
        } finally {
            ReflectionTestUtils.setField(seed, "phase", before);
        }
    }
}
