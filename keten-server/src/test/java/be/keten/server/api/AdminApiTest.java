package be.keten.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.keten.server.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Accounts and the audit trail through the API. */
class AdminApiTest extends ApiTestBase {

    @Test
    void accountLifecycle() throws Exception {
        String name = "planner-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = json(mvc.perform(post("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + name + "\",\"role\":\"fedasil\"}").with(as(Role.ADMIN)))
                .andExpect(status().isCreated()).andExpect(header().string("Location", "/api/admin/accounts/" + name))
                .andExpect(header().string("Cache-Control", "no-store")).andReturn());
        String password = created.get("password").asText();
        assertThat(password).hasSize(20);
        mvc.perform(get("/api/me").with(httpBasic(name, password))).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name)).andExpect(jsonPath("$.role").value("fedasil"));

        JsonNode list = json(mvc.perform(get("/api/admin/accounts").with(as(Role.ADMIN))).andExpect(status().isOk()).andReturn());
        assertThat(list.toString()).contains(name).doesNotContain("argon2").doesNotContain("password");

        mvc.perform(post("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + name + "\",\"role\":\"dvz\"}")
                .with(as(Role.ADMIN))).andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("username"));
        mvc.perform(post("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"x y\",\"role\":\"dvz\"}")
                .with(as(Role.ADMIN))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("username"));
        mvc.perform(post("/api/admin/accounts").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"ok-name\",\"role\":\"king\"}")
                .with(as(Role.ADMIN))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("role"));

        String reset = json(mvc.perform(post("/api/admin/accounts/" + name + "/reset-password").with(as(Role.ADMIN)))
                .andExpect(status().isOk()).andReturn()).get("password").asText();
        assertThat(reset).isNotEqualTo(password);
        mvc.perform(get("/api/me").with(httpBasic(name, password)).with(from("10.77.0.1"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic(name, reset))).andExpect(status().isOk());

        mvc.perform(post("/api/admin/accounts/" + name + "/disable").with(as(Role.ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.disabled").value(true));
        mvc.perform(get("/api/me").with(httpBasic(name, reset)).with(from("10.77.0.2"))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/admin/accounts/" + name + "/enable").with(as(Role.ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.disabled").value(false));
        mvc.perform(get("/api/me").with(httpBasic(name, reset))).andExpect(status().isOk());

        mvc.perform(post("/api/admin/accounts/" + account(Role.ADMIN) + "/disable").with(as(Role.ADMIN))).andExpect(status().isConflict());
        mvc.perform(post("/api/admin/accounts/nobody-at-all/enable").with(as(Role.ADMIN))).andExpect(status().isNotFound());
    }

    @Test
    void auditTrailPagesAndFilters() throws Exception {
        mvc.perform(get("/api/cases/D-AUDIT-0001").with(as(Role.DVZ)).with(from("10.5.5.5"))).andExpect(status().isNotFound());
        JsonNode page = json(mvc.perform(get("/api/admin/audit").param("actor", account(Role.DVZ)).param("limit", "1").with(as(Role.ADMIN)))
                .andExpect(status().isOk()).andReturn());
        JsonNode e = page.get("entries").get(0);
        assertThat(e.get("actor").asText()).isEqualTo(account(Role.DVZ));
        assertThat(e.get("action").asText()).isEqualTo("case.read");
        assertThat(e.get("subject").asText()).isEqualTo("D-AUDIT-0001");
        assertThat(e.get("origin").asText()).isEqualTo("10.5.5.5");
        assertThat(e.get("at").asText()).isNotBlank();
        long next = page.get("next").asLong();
        assertThat(next).isEqualTo(e.get("id").asLong());
        JsonNode older = json(mvc.perform(get("/api/admin/audit").param("before", Long.toString(next)).param("limit", "5").with(as(Role.ADMIN)))
                .andExpect(status().isOk()).andReturn());
        older.get("entries").forEach(x -> assertThat(x.get("id").asLong()).isLessThan(next));
        mvc.perform(get("/api/admin/audit").param("limit", "0").with(as(Role.ADMIN))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("limit"));
    }

    @Test
    void buildAndMe() throws Exception {
        mvc.perform(get("/api/build").with(as(Role.RVV))).andExpect(status().isOk()).andExpect(jsonPath("$.java").isString());
        mvc.perform(get("/api/me").with(as(Role.RVV))).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(account(Role.RVV))).andExpect(jsonPath("$.role").value("rvv"));
    }
}
