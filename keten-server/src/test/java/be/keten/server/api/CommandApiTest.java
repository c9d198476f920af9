package be.keten.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.keten.server.security.Role;
import be.keten.store.AuditEntry;
import be.keten.store.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The command path: register and read back, retries, conflicts, rulebook refusals, malformed input, audit. */
class CommandApiTest extends ApiTestBase {
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    AuditLog audit;

    static String newDossier() {
        return "D-CMD-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static MockHttpServletRequestBuilder command(String dossier, String name, String body) {
        return post("/api/cases/" + dossier + "/commands/" + name).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void registerThenReadBack() throws Exception {
        String d = newDossier();
        mvc.perform(command(d, "register", Events.register("2023-03-01", "P-2023-900001", "AF")).with(as(Role.DVZ)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", "/api/cases/" + d))
                .andExpect(jsonPath("$.dossier").value(d))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.state").value("REGISTERED"))
                .andExpect(jsonPath("$.replayed").value(false));
        mvc.perform(command(d, "lodge", Events.dated("2023-03-02")).header("If-Match", "\"1\"").with(as(Role.DVZ)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.state").value("LODGED"));

        MvcResult r = mvc.perform(get("/api/cases/" + d).with(as(Role.CGVS))).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\"")).andReturn();
        JsonNode c = json(r);
        assertThat(c.get("dossier").asText()).isEqualTo(d);
        assertThat(c.get("version").asInt()).isEqualTo(2);
        assertThat(c.get("state").asText()).isEqualTo("LODGED");
        assertThat(c.get("summary").get("nationality").asText()).isEqualTo("AF");
        assertThat(c.get("timeline")).hasSize(2);
        assertThat(c.get("timeline").get(0).get("type").asText()).isEqualTo("ApplicationRegistered");
        assertThat(c.get("timeline").get(0).get("event").get("persons").get(0).get("id").asText()).isEqualTo("P-2023-900001");
        assertThat(c.get("timeline").get(1).get("event").get("date").asText()).isEqualTo("2023-03-02");
        assertThat(c.get("deadlines").isArray()).isTrue();
    }

    @Test
    void readsOfAnUnknownDossierAre404AndAudited() throws Exception {
        String d = newDossier();
        mvc.perform(get("/api/cases/" + d).with(as(Role.RVV))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(audit.entries(d)).extracting(AuditEntry::action).containsExactly("case.read");
    }

    @Test
    void timelineShowsOnlyWhatTheRoleSees() throws Exception {
        String d = newDossier();
        mvc.perform(command(d, "register", Events.register("2023-03-01", "P-2023-900002", "ER")).with(as(Role.DVZ)))
                .andExpect(status().isCreated());
        mvc.perform(command(d, "decide-entitlement", "{\"date\":\"2023-03-01\",\"entitled\":true,\"basis\":\"RECEPTION_FIRST\"}")
                .with(as(Role.FEDASIL))).andExpect(status().isCreated());
        assertThat(types(d, Role.FEDASIL)).containsExactly("ApplicationRegistered", "EntitlementDecided");
        assertThat(types(d, Role.DVZ)).containsExactly("ApplicationRegistered", "EntitlementDecided");
        assertThat(types(d, Role.RVV)).containsExactly("ApplicationRegistered");
        assertThat(types(d, Role.CGVS)).containsExactly("ApplicationRegistered");
    }

    private List<String> types(String dossier, Role role) throws Exception {
        JsonNode c = json(mvc.perform(get("/api/cases/" + dossier).with(as(role))).andExpect(status().isOk()).andReturn());
        return Stream.of(c.get("timeline")).flatMap(t -> java.util.stream.StreamSupport.stream(t.spliterator(), false))
                .map(e -> e.get("type").asText()).toList();
    }

    @Test
    void idempotentRetryGetsTheSameVersion() throws Exception {
        String d = newDossier();
        String body = Events.register("2023-03-01", "P-2023-900003", "GN");
        String key = UUID.randomUUID().toString();
        mvc.perform(command(d, "register", body).header("Idempotency-Key", key).with(as(Role.DVZ)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.replayed").value(false));
        mvc.perform(command(d, "lodge", Events.dated("2023-03-02")).with(as(Role.DVZ))).andExpect(status().isCreated());
        mvc.perform(command(d, "register", body).header("Idempotency-Key", key).with(as(Role.DVZ)))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.state").value("REGISTERED"))
                .andExpect(jsonPath("$.replayed").value(true));
        // The same key for another command: refused, naming the header.
        mvc.perform(command(d, "lodge", Events.dated("2023-03-05")).header("Idempotency-Key", key).with(as(Role.DVZ)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(Problems.type("idempotency-key-reused").toString()))
                .andExpect(jsonPath("$.field").value("Idempotency-Key"));
        assertThat(audit.entries(d)).extracting(AuditEntry::detail)
                .containsExactly("result=accepted version=1", "result=accepted version=2", "result=replayed version=1",
                        "result=idempotency-key-reused");
    }

    @Test
    void ifMatchConflictIs409() throws Exception {
        String d = newDossier();
        mvc.perform(command(d, "register", Events.register("2023-03-01", "P-2023-900004", "PS")).header("If-Match", "0").with(as(Role.DVZ)))
                .andExpect(status().isCreated());
        mvc.perform(command(d, "lodge", Events.dated("2023-03-02")).header("If-Match", "\"0\"").with(as(Role.DVZ)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(Problems.type("version-conflict").toString()))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.expectedVersion").value(0))
                .andExpect(jsonPath("$.actualVersion").value(1))
                .andExpect(header().string("ETag", "\"1\""));
        assertThat(audit.entries(d).get(1).detail()).isEqualTo("result=conflict expected=0 actual=1");
    }

    @Test
    void rulebookRefusalIs422WithTheRule() throws Exception {
        String d = newDossier();
        mvc.perform(command(d, "register", Events.register("2023-03-01", "P-2023-900005", "TR")).with(as(Role.DVZ)))
                .andExpect(status().isCreated());
        MvcResult r = mvc.perform(command(d, "decide", "{\"date\":\"2023-03-03\",\"decisionType\":\"REFUSAL\"}").with(as(Role.CGVS)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(Problems.type("forbidden-by-rulebook").toString()))
                .andExpect(jsonPath("$.title").value("Refused by the rulebook"))
                .andExpect(jsonPath("$.state").value("REGISTERED"))
                .andExpect(jsonPath("$.eventType").value("FinalDecisionTaken"))
                .andReturn();
        JsonNode p = json(r);
        assertThat(p.get("rule").asText()).isEqualTo("TRANSITION");
        assertThat(p.get("detail").asText()).contains(p.get("rule").asText());
        AuditEntry last = audit.entries(d).get(1);
        assertThat(last.action()).isEqualTo("command.FinalDecisionTaken");
        assertThat(last.detail()).isEqualTo("result=rejected rule=" + p.get("rule").asText());
    }

    @Test
    void malformedInputIs400NamingTheField() throws Exception {
        String d = newDossier();
        mvc.perform(command(d, "lodge", "{}").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("date"))
                .andExpect(jsonPath("$.type").value(Problems.type("malformed-request").toString()));
        mvc.perform(command(d, "lodge", "{\"date\":\"2023-02-30\"}").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("date"));
        mvc.perform(command(d, "lodge", "{\"date\":\"2023-03-01\",\"colour\":\"red\"}").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("colour"));
        mvc.perform(command(d, "register", Events.register("2023-03-01", "P-2023-900006", "ZZZ")).with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("persons[0].nationality"));
        mvc.perform(command(d, "lodge", "{\"date\":\"2023-03-01\",\"dossier\":\"D-OTHER-0001\"}").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("dossier"));
        mvc.perform(command(d, "lodge", "{\"date\":\"2023-03-01\",\"type\":\"ApplicationRegistered\"}").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("type"));
        mvc.perform(command("Jan Janssens", "lodge", Events.dated("2023-03-01")).with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("dossier"));
        mvc.perform(command(d, "lodge", Events.dated("2023-03-01")).header("If-Match", "three").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("If-Match"));
        mvc.perform(command(d, "lodge", Events.dated("2023-03-01")).header("Idempotency-Key", "k".repeat(201)).with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("Idempotency-Key"));
        mvc.perform(command(d, "lodge", "{\"date\":").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("body"));
        mvc.perform(post("/api/cases/" + d + "/commands/lodge").contentType(MediaType.TEXT_PLAIN).content("date=2023-03-01").with(as(Role.DVZ)))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.field").value("Content-Type"));
        // Nothing was stored; every attempt is in the audit trail, with no personal data in it.
        mvc.perform(get("/api/cases/" + d).with(as(Role.DVZ))).andExpect(status().isNotFound());
        assertThat(audit.entries(d)).filteredOn(e -> e.action().startsWith("command.")).extracting(AuditEntry::detail)
                .containsOnly("result=malformed").hasSize(10);
        assertThat(audit.entries("(invalid)")).isNotEmpty();
    }

    @Test
    void unknownCommandIs404() throws Exception {
        mvc.perform(command(newDossier(), "teleport", "{}").with(as(Role.DVZ)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(Problems.type("not-found").toString()))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("register")));
    }

    static Stream<String> malformedBodies() {
        return Stream.of("", " ", "{", "}", "[]", "[{}]", "null", "42", "\"text\"", "true", "{\"date\":null}", "{\"date\":1}",
                "{\"date\":[]}", "{\"date\":{}}", "{\"date\":\"\"}", "{\"date\":\"2023-13-45\"}", "{\"date\":\"2023-03-01\"} trailing",
                "{\"date\":\"2023-03-01\",\"date\":\"2023-03-01\"}", "{\"date\":\"2023-03-01\"", "{'date':'2023-03-01'}",
                "{\"\u0000\":1}", "[".repeat(5000) + "]".repeat(5000), "{\"date\":\"" + "9".repeat(100_000) + "\"}",
                "{\"date\":\"2023-03-01\",\"persons\":[{}]}", "{\"date\":1e999999}", "\uFEFF{\"date\":\"2023-03-01\"}");
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void fuzzedBodiesAre4xxProblems(String body) throws Exception {
        for (String name : List.of("lodge", "register", "decide", "allocate-place")) {
            Role role = be.keten.server.security.Access.command(name).orElseThrow().roles().iterator().next();
            MvcResult r = mvc.perform(command(newDossier(), name, body).with(as(role))).andReturn();
            assertThat(r.getResponse().getStatus()).as(name + " " + Params.clip(body)).isBetween(400, 499);
            assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(json(r).get("type").asText()).startsWith("https://keten.invalid/problems/");
        }
    }

    @Test
    void invalidUtf8AndBinaryBodiesAre4xx() throws Exception {
        byte[][] bodies = {{(byte) 0xff, (byte) 0xfe, 0x00, 0x7b}, {(byte) 0xc3, (byte) 0x28}, "{\"date\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_16)};
        for (byte[] b : bodies) {
            MvcResult r = mvc.perform(post("/api/cases/" + newDossier() + "/commands/lodge").contentType(MediaType.APPLICATION_JSON).content(b)
                    .with(as(Role.DVZ))).andReturn();
            assertThat(r.getResponse().getStatus()).isBetween(400, 499);
            assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }

    @Test
    void commandsAreAuditedWithWhoWhatWhenAndWhere() throws Exception {
        String d = newDossier();
        mvc.perform(command(d, "register", Events.register("2023-03-01", "P-2023-900007", "CM")).with(as(Role.DVZ)).with(from("10.1.2.3")))
                .andExpect(status().isCreated());
        mvc.perform(command(d, "lodge", Events.dated("2023-03-02")).with(as(Role.FEDASIL)).with(from("10.1.2.4")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/cases/" + d).with(as(Role.RVV)).with(from("10.1.2.5"))).andExpect(status().isOk());
        List<AuditEntry> entries = audit.entries(d);
        assertThat(entries).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::detail, AuditEntry::origin).containsExactly(
                org.assertj.core.groups.Tuple.tuple(account(Role.DVZ), "command.ApplicationRegistered", "result=accepted version=1", "10.1.2.3"),
                org.assertj.core.groups.Tuple.tuple(account(Role.FEDASIL), "command.ApplicationLodged", "result=forbidden", "10.1.2.4"),
                org.assertj.core.groups.Tuple.tuple(account(Role.RVV), "case.read", null, "10.1.2.5"));
        assertThat(entries).allSatisfy(e -> assertThat(e.at()).isNotNull());
        // Nothing of the body (the person's id, nationality) is in the trail.
        assertThat(entries).extracting(AuditEntry::detail).noneMatch(x -> x != null && (x.contains("P-2023") || x.contains("CM")));
    }

    @Test
    void listingPagesWithACursor() throws Exception {
        // A nationality no other test registers, so the listing holds exactly these dossiers.
        String prefix = "D-LIST-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (int i = 1; i <= 3; i++) {
            mvc.perform(command(prefix + i, "register", Events.register("2023-04-0" + i, "P-2023-91000" + i, "SO")).with(as(Role.DVZ)))
                    .andExpect(status().isCreated());
        }
        JsonNode first = json(mvc.perform(get("/api/cases").param("nationality", "SO").param("state", "registered").param("limit", "2")
                .with(as(Role.CGVS))).andExpect(status().isOk()).andReturn());
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("dossier").asText()).isEqualTo(prefix + 1);
        assertThat(first.get("next").asText()).isEqualTo(prefix + 2);
        JsonNode second = json(mvc.perform(get("/api/cases").param("nationality", "SO").param("limit", "2").param("after", first.get("next").asText())
                .with(as(Role.CGVS))).andExpect(status().isOk()).andReturn());
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("dossier").asText()).isEqualTo(prefix + 3);
        assertThat(second.has("next")).isFalse();
        assertThat(audit.entries(AuditLog.ALL)).extracting(AuditEntry::detail)
                .contains("state=REGISTERED track=null nationality=SO after=null limit=2");

        mvc.perform(get("/api/cases").param("limit", "501").with(as(Role.DVZ))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("limit"));
        mvc.perform(get("/api/cases").param("state", "SLEEPING").with(as(Role.DVZ))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("state"));
        mvc.perform(get("/api/cases").param("nationality", "Belgian").with(as(Role.DVZ))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("nationality"));
        mvc.perform(get("/api/cases").param("after", "x").with(as(Role.DVZ))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("after"));
    }
}
