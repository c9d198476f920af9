package be.keten.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.keten.server.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Indicators, official tables and reports: formats, media types and the same content as the command line's. */
class StatisticsApiTest extends ApiTestBase {

    @Test
    void overview() throws Exception {
        mvc.perform(get("/api/statistics").with(as(Role.ANALYST))).andExpect(status().isOk())
                .andExpect(jsonPath("$.events").isNumber()).andExpect(jsonPath("$.computedAt").isString())
                .andExpect(jsonPath("$.dossiersByState").isMap());
    }

    @Test
    void monthlyAndAnnualIndicatorsAsJson() throws Exception {
        JsonNode m = json(mvc.perform(get("/api/statistics/monthly").param("month", "2023-03").param("lang", "en").with(as(Role.ANALYST)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)).andReturn());
        assertThat(m.isObject()).isTrue();
        assertThat(m.size()).isGreaterThan(0);
        mvc.perform(get("/api/statistics/annual").param("year", "2023").with(as(Role.DVZ))).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(get("/api/statistics/annual").param("year", "23").with(as(Role.DVZ))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("year"));
    }

    @Test
    void tablesAsJsonCsvZipXlsxAndSdmx() throws Exception {
        JsonNode t = json(mvc.perform(get("/api/statistics/tables").param("from", "2023-01").param("to", "2023-02").param("format", "json")
                .with(as(Role.ANALYST))).andExpect(status().isOk()).andReturn());
        assertThat(t.get("tables")).hasSize(5);
        List<String> files = new ArrayList<>();
        t.get("tables").forEach(x -> files.add(x.get("file").asText()));
        assertThat(files).contains("cgvs_decisions.csv", "applications_monthly.csv");

        String csv = mvc.perform(get("/api/statistics/tables").param("from", "2023-01").param("to", "2023-02").param("table", "cgvs_decisions")
                .with(as(Role.CGVS))).andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", headerOf(t, "cgvs_decisions.csv")));

        byte[] zip = mvc.perform(get("/api/statistics/tables").param("from", "2023-01").param("to", "2023-02").with(as(Role.RVV)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/zip"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("keten-tables-2023-01-2023-02.zip")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(entries(zip)).containsExactlyElementsOf(files);

        byte[] sdmx = mvc.perform(get("/api/statistics/tables").param("from", "2023-01").param("to", "2023-03").param("format", "sdmx-csv")
                .with(as(Role.ANALYST))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(entries(sdmx)).containsExactly("migr_asyappctzm.csv", "migr_asydcfstq.csv", "sdmx_codelists.csv");

        byte[] xlsx = mvc.perform(get("/api/statistics/tables").param("from", "2023-01").param("to", "2023-01").param("format", "xlsx")
                .with(as(Role.FEDASIL))).andExpect(status().isOk()).andExpect(content().contentType(ReportController.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

        mvc.perform(get("/api/statistics/tables").param("from", "2023-05").param("to", "2023-01").with(as(Role.ANALYST)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("to"));
        mvc.perform(get("/api/statistics/tables").param("from", "2023-01").param("to", "2023-01").param("format", "ods").with(as(Role.ANALYST)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("format"));
        mvc.perform(get("/api/statistics/tables").param("from", "2023-01").param("to", "2023-01").param("table", "secrets").with(as(Role.ANALYST)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("table"));
    }

    private static List<String> headerOf(JsonNode tables, String file) {
        List<String> out = new ArrayList<>();
        tables.get("tables").forEach(x -> {
            if (x.get("file").asText().equals(file)) {
                x.get("header").forEach(h -> out.add(h.asText()));
            }
        });
        return out;
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> out = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                out.add(e.getName());
            }
        }
        return out;
    }

    @Test
    void reportsInEveryFormat() throws Exception {
        String html = mvc.perform(get("/api/reports/monthly").param("month", "2023-03").param("lang", "fr").with(as(Role.ANALYST)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Security-Policy", ReportController.REPORT_CSP))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<html");
        byte[] pdf = mvc.perform(get("/api/reports/annual").param("year", "2023").param("format", "pdf").with(as(Role.CGVS)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("keten-annual-2023-nl.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        mvc.perform(get("/api/reports/monthly").param("month", "2023-03").param("format", "xlsx").with(as(Role.RVV)))
                .andExpect(status().isOk()).andExpect(content().contentType(ReportController.XLSX));
        mvc.perform(get("/api/reports/monthly").param("month", "2023-03").param("format", "json").with(as(Role.ADMIN)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(get("/api/reports/monthly").param("month", "2023-03").param("format", "docx").with(as(Role.ADMIN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("format"));
        mvc.perform(get("/api/reports/annual").with(as(Role.ADMIN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("year"));
    }
}
