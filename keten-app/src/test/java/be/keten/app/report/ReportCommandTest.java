package be.keten.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.keten.app.cli.DbCommand;
import be.keten.app.cli.KetenCli;
import be.keten.store.Database;
import be.keten.store.Importer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code keten report monthly} and {@code keten report annual} run as the CLI runs them, on an H2
 * store filled by the NDJSON importer. Three dossiers, January to March 2023: March has one
 * applicant (4 in the year), a refugee recognition for a family of two and one refusal (rate 1 of 2
 * dossiers = 50%), and one dossier pending at the CGVS at the end of March.
 */
class ReportCommandTest {
    private static final String EVENTS = """
            {"type":"ApplicationRegistered","dossier":"D-2023-000001","date":"2023-01-10","application":"A-2023-000001-1","applicationType":"FIRST","persons":[{"id":"P-000001-1","nationality":"SY","sex":"FEMALE","yearOfBirth":1985,"declaredUnaccompaniedMinor":false},{"id":"P-000001-2","nationality":"SY","sex":"MALE","yearOfBirth":2015,"declaredUnaccompaniedMinor":false}],"languageRole":"NL","protectedInOtherEuState":false}
            {"type":"ApplicationLodged","dossier":"D-2023-000001","date":"2023-01-12"}
            {"type":"DublinCheckStarted","dossier":"D-2023-000001","date":"2023-01-12"}
            {"type":"DublinDecided","dossier":"D-2023-000001","date":"2023-02-01","outcome":"BELGIUM_RESPONSIBLE"}
            {"type":"TransferredToCgvs","dossier":"D-2023-000001","date":"2023-02-02"}
            {"type":"InterviewHeld","dossier":"D-2023-000001","date":"2023-02-20"}
            {"type":"FinalDecisionTaken","dossier":"D-2023-000001","date":"2023-03-01","decisionType":"REFUGEE_STATUS"}
            {"type":"ApplicationRegistered","dossier":"D-2023-000002","date":"2023-02-05","application":"A-2023-000002-1","applicationType":"FIRST","persons":[{"id":"P-000002-1","nationality":"AF","sex":"MALE","yearOfBirth":1999,"declaredUnaccompaniedMinor":false}],"languageRole":"FR","protectedInOtherEuState":false}
            {"type":"ApplicationLodged","dossier":"D-2023-000002","date":"2023-02-06"}
            {"type":"DublinCheckStarted","dossier":"D-2023-000002","date":"2023-02-06"}
            {"type":"DublinDecided","dossier":"D-2023-000002","date":"2023-02-20","outcome":"BELGIUM_RESPONSIBLE"}
            {"type":"TransferredToCgvs","dossier":"D-2023-000002","date":"2023-02-21"}
            {"type":"InterviewHeld","dossier":"D-2023-000002","date":"2023-03-10"}
            {"type":"FinalDecisionTaken","dossier":"D-2023-000002","date":"2023-03-15","decisionType":"REFUSAL"}
            {"type":"ApplicationRegistered","dossier":"D-2023-000003","date":"2023-03-03","application":"A-2023-000003-1","applicationType":"FIRST","persons":[{"id":"P-000003-1","nationality":"ER","sex":"FEMALE","yearOfBirth":2001,"declaredUnaccompaniedMinor":false}],"languageRole":"NL","protectedInOtherEuState":false}
            {"type":"ApplicationLodged","dossier":"D-2023-000003","date":"2023-03-04"}
            {"type":"DublinCheckStarted","dossier":"D-2023-000003","date":"2023-03-04"}
            {"type":"DublinDecided","dossier":"D-2023-000003","date":"2023-03-20","outcome":"BELGIUM_RESPONSIBLE"}
            {"type":"TransferredToCgvs","dossier":"D-2023-000003","date":"2023-03-21"}
            """;

    @TempDir
    static Path tmp;
    private static String db;

    @BeforeAll
    static void store() throws Exception {
        db = "jdbc:h2:file:" + tmp.resolve("k");
        Path file = Files.writeString(tmp.resolve("events.ndjson"), EVENTS);
        try (Database d = Database.open(db)) {
            new Importer(DbCommand.store(d), DbCommand.rulebook()).importFile(file);
        }
    }

    /** Runs {@code keten report ...} through Keten's own command line (exit codes, error handlers). */
    private static Run keten(String... args) {
        CommandLine cl = KetenCli.commandLine();
        CommandLine report = cl.getSubcommands().get("report");
        if (!report.getSubcommands().containsKey("monthly")) {
            report.addSubcommand("monthly", new MonthlyReportCommand());
        }
        if (!report.getSubcommands().containsKey("annual")) {
            report.addSubcommand("annual", new AnnualReportCommand());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    record Run(int exitCode, String out, String err) {
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void monthlyHtmlGoesToStandardOutput() {
        Run r = keten("report", "monthly", "--db", db, "--month", "2023-03");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("<html lang=\"nl\"").contains("Asielstatistieken maart 2023")
                .contains("<svg").contains("50,0%").contains("Syrië").contains("Werklast eind maart 2023");
    }

    @Test
    void monthlyJsonHasTheFigures() throws IOException {
        Run r = keten("report", "monthly", "--db", db, "--month", "2023-03", "--lang", "fr", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("hasData").asBoolean()).isTrue();
        assertThat(j.get("title").asText()).isEqualTo("Statistiques d’asile mars 2023");
        assertThat(j.at("/overview/applicants/month/total").asLong()).isEqualTo(1);
        assertThat(j.at("/overview/applicants/yearToDate/total").asLong()).isEqualTo(4);
        assertThat(j.at("/overview/decisionsPersons/month/refugee_status").asLong()).isEqualTo(2);
        assertThat(j.at("/protectionRate/month").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(j.at("/workload/dossiers").asLong()).isEqualTo(1);
        assertThat(j.at("/topOrigins/yearToDate/top/0/label").asText()).isEqualTo("Syrie");
        assertThat(j.at("/applicationsByMonth/currentYear/months/3/total").isNull()).isTrue();
    }

    @Test
    void monthlyPdfAndXlsxGoToTheFileNamed(@TempDir Path dir) throws IOException {
        Path pdf = dir.resolve("nov.pdf");
        Run r = keten("report", "monthly", "--db", db, "--month", "2023-03", "--lang", "en", "--format", "pdf", "--out", pdf.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Wrote " + pdf + System.lineSeparator());
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(pdfText(pdf)).contains("ASYLUM STATISTICS MARCH 2023").contains("50.0%").contains("Other countries");

        Path xlsx = dir.resolve("nov.xlsx");
        r = keten("report", "monthly", "--db", db, "--month", "2023-03", "--lang", "nl", "--format", "xlsx", "--out", xlsx.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            String workbook = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(workbook).contains("name=\"Overzicht\"").contains("name=\"Beslissingen\"").contains("name=\"Werklast\"");
        }
        assertThat(dir).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void binaryFormatsNeedAFile() {
        Run r = keten("report", "monthly", "--db", db, "--month", "2023-03", "--format", "pdf");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("--out");
    }

    @Test
    void aMonthWithoutDataSaysSoInTheReportAndOnStandardError() {
        Run r = keten("report", "monthly", "--db", db, "--month", "2030-01", "--lang", "en");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("No data for January 2030: the register holds events from January 2023 to March 2023");
        assertThat(r.out()).contains("No data for January 2030").doesNotContain("<table").doesNotContain("<svg");
    }

    @Test
    void annualTablesOfAYearCoveredInPart() throws IOException {
        Run r = keten("report", "annual", "--db", db, "--year", "2023", "--lang", "en", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("covered").asText()).isEqualTo("2023-01/2023-03");
        assertThat(j.get("complete").asBoolean()).isFalse();
        assertThat(j.at("/protectionRate/year").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(j.at("/decisions/persons/total").asLong()).isEqualTo(3);
        assertThat(j.at("/mainNationalities/total/finals").asLong()).isEqualTo(2);

        Run html = keten("report", "annual", "--db", db, "--year", "2023", "--lang", "fr");
        assertThat(html.exitCode()).isZero();
        assertThat(html.out()).contains("Statistiques annuelles 2023").contains("Taux de protection").contains("<svg");
    }

    @Test
    void badInputIsAUsageErrorAndAFailingDatabaseIsFive(@TempDir Path dir) {
        assertThat(keten("report", "monthly", "--db", db, "--month", "2023-13").exitCode()).isEqualTo(1);
        Run lang = keten("report", "monthly", "--db", db, "--month", "2023-03", "--lang", "de");
        assertThat(lang.exitCode()).isEqualTo(1);
        assertThat(lang.err()).contains("unknown language 'de'");
        assertThat(keten("report", "monthly", "--db", db, "--month", "2023-03", "--format", "docx").exitCode()).isEqualTo(1);
        assertThat(keten("report", "annual", "--db", db, "--year", "23").exitCode()).isEqualTo(1);
        assertThat(keten("report", "monthly", "--db", "jdbc:nosuchdb:x", "--month", "2023-03").exitCode()).isEqualTo(5);
        Path missing = dir.resolve("no/such/folder/r.html");
        Run unwritable = keten("report", "monthly", "--db", db, "--month", "2023-03", "--out", missing.toString());
        assertThat(unwritable.exitCode()).isEqualTo(2);
        assertThat(unwritable.err()).startsWith("keten: cannot write " + missing);
        assertThat(missing).doesNotExist();
    }
}
