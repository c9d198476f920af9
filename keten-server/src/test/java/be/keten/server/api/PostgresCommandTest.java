package be.keten.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.keten.server.KetenServer;
import be.keten.server.security.AccountService;
import be.keten.server.security.Role;
import be.keten.store.AuditEntry;
import be.keten.store.AuditLog;
import be.keten.store.Actor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The command path on PostgreSQL (a schema of its own, dropped afterwards): register, replay,
 * conflict, rulebook refusal, read back, audit. Runs only when {@code KETEN_PG_URL} is set.
 */
@ExtendWith(WhenPostgres.class)
@SpringBootTest(classes = KetenServer.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"keten.seed=false", "keten.scenarios=../examples/scenarios"})
@AutoConfigureMockMvc
@Import(ApiTestBase.ServletPath.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresCommandTest {
    static final String SCHEMA = "keten_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static String dvz;
    private static String cgvs;

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    AuditLog audit;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = WhenPostgres.url();
        registry.add("keten.db", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(WhenPostgres.url()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private RequestPostProcessor as(Role role) {
        if (dvz == null) {
            dvz = accounts.create("pg-dvz", Role.DVZ, Actor.local("test")).password();
            cgvs = accounts.create("pg-cgvs", Role.CGVS, Actor.local("test")).password();
        }
        return role == Role.DVZ ? httpBasic("pg-dvz", dvz) : httpBasic("pg-cgvs", cgvs);
    }

    @Test
    void commandPathOnPostgres() throws Exception {
        String d = "D-PG-" + UUID.randomUUID().toString().substring(0, 8);
        String body = Events.register("2023-06-01", "P-2023-930001", "AF");
        mvc.perform(CommandApiTest.command(d, "register", body).header("Idempotency-Key", "pg-" + d).header("If-Match", "0").with(as(Role.DVZ)))
                .andExpect(status().isCreated()).andExpect(header().string("ETag", "\"1\"")).andExpect(jsonPath("$.state").value("REGISTERED"));
        mvc.perform(CommandApiTest.command(d, "register", body).header("Idempotency-Key", "pg-" + d).with(as(Role.DVZ)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(true)).andExpect(jsonPath("$.version").value(1));
        mvc.perform(CommandApiTest.command(d, "lodge", Events.dated("2023-06-02")).header("If-Match", "\"0\"").with(as(Role.DVZ)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.actualVersion").value(1));
        mvc.perform(CommandApiTest.command(d, "decide", "{\"date\":\"2023-06-03\",\"decisionType\":\"REFUSAL\"}").with(as(Role.CGVS)))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.rule").isString());
        mvc.perform(CommandApiTest.command(d, "lodge", "{\"date\":\"x\"}").with(as(Role.DVZ)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("date"));
        mvc.perform(get("/api/cases/" + d).with(as(Role.CGVS))).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.timeline[0].type").value("ApplicationRegistered"));
        var entries = audit.entries(d);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("command.ApplicationRegistered", "command.ApplicationRegistered",
                "command.ApplicationLodged", "command.FinalDecisionTaken", "command.ApplicationLodged", "case.read");
        assertThat(entries).extracting(AuditEntry::detail).startsWith("result=accepted version=1", "result=replayed version=1",
                "result=conflict expected=0 actual=1");
        assertThat(entries.get(3).detail()).startsWith("result=rejected rule=");
        assertThat(entries.get(4).detail()).isEqualTo("result=malformed");
        assertThat(entries).allSatisfy(e -> assertThat(e.origin()).isEqualTo("127.0.0.1"));
    }
}
