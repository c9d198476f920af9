package be.keten.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The OpenAPI document: served without login, documenting every endpoint. */
class OpenApiTest extends ApiTestBase {
    @Test
    void servedAsJsonWithoutLogin() throws Exception {
        JsonNode doc = json(mvc.perform(get("/api/openapi")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)).andReturn());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.get("paths");
        for (RoleMatrixTest.Endpoint e : RoleMatrixTest.endpoints()) {
            assertThat(paths.has(e.pattern())).as(e.pattern()).isTrue();
            assertThat(paths.get(e.pattern()).has(e.method().name().toLowerCase())).as(e.toString()).isTrue();
        }
        assertThat(paths.get("/api/cases/{dossier}/commands/{command}").get("post").get("summary").asText()).isNotBlank();
        assertThat(doc.toString()).contains("\"Commands\"", "\"Simulations\"", "\"Administration\"");
    }
}
