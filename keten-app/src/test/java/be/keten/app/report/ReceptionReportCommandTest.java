package be.keten.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.app.cli.DbCommand;
import be.keten.app.cli.KetenCli;
import be.keten.core.reception.Network;
import be.keten.io.reception.NetworkFile;
import be.keten.stats.publication.ReceptionPublication;
import be.keten.store.AuditLog;
import be.keten.store.Database;
import be.keten.store.ImportResult;
import be.keten.store.Importer;
import be.keten.store.NetworkStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code keten report reception} run as the CLI runs it, on an H2 store holding the sample dossiers
 * (events from January 2022 to January 2025) and, in one of two stores, the example network.
 */
class ReceptionReportCommandTest {
    private static final Path SAMPLE = Path.of("..", "examples", "events", "sample-dossiers.ndjson");
    private static final Path NETWORK = Path.of("..", "examples", "reception", "network-2024.csv");

    @TempDir
    static Path tmp;
    /** Events and the example network. */
    private static String db;
    /** The same events, no network. */
    private static String bare;
    private static ReceptionPublication expected;

    @BeforeAll
    static void stores() throws Exception {
        db = "jdbc:h2:file:" + tmp.resolve("k");
        bare = "jdbc:h2:file:" + tmp.resolve("bare");
        Network network = NetworkFile.read(NETWORK);
        for (String url : new String[] {db, bare}) {
            try (Database d = Database.open(url)) {
                ImportResult r = new Importer(DbCommand.store(d), DbCommand.rulebook()).importFile(SAMPLE);
                assertThat(r.skipped()).isZero();
                if (url.equals(db)) {
                    new NetworkStore(d, new AuditLog(d, Clock.systemUTC())).replace(network, "test");
                }
            }
        }
        try (Database d = Database.open(db)) {
            expected = ReceptionPublication.of(ReportOutput.statistics(d), network, 2023);
        }
    }

    /** Runs {@code keten report ...} through Keten's own command line (exit codes, error handlers). */
    private static Run keten(String... args) {
        CommandLine cl = KetenCli.commandLine();
        CommandLine report = cl.getSubcommands().get("report");
        if (!report.getSubcommands().containsKey("reception")) {
            report.addSubcommand("reception", new ReceptionReportCommand());
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

    @Test
    void htmlGoesToStandardOutputInDutchByDefault() {
        Run r = keten("report", "reception", "--db", db, "--year", "2023");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("<html lang=\"nl\"").contains("Opvangstatistieken 2023")
                .contains("Bezettingsgraad").contains("Wachtlijst").contains("<svg");
    }

    @Test
    void jsonHasThePublicationsFigures() throws IOException {
        Run r = keten("report", "reception", "--db", db, "--year", "2023", "--lang", "fr", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("title").asText()).isEqualTo("Statistiques de l’accueil 2023");
        assertThat(j.get("hasData").asBoolean()).isTrue();
        assertThat(j.at("/totals/in").asLong()).isEqualTo(expected.totalIn()).isPositive();
        assertThat(j.at("/totals/out").asLong()).isEqualTo(expected.totalOut()).isPositive();
        assertThat(j.at("/totals/capacity").asLong()).isEqualTo(expected.atStockDate().capacity()).isEqualTo(36_205);
        assertThat(j.at("/totals/occupancy").asLong()).isEqualTo(expected.atStockDate().occupancy());
        assertThat(j.at("/totals/waitingList").asLong()).isEqualTo(expected.atStockDate().waitingList());
        assertThat(j.at("/totals/averageStayMonths").asDouble()).isEqualTo(expected.averageStayMonths().getAsDouble());
        for (YearMonth m : expected.months().keySet()) {
            assertThat(j.at("/months/" + m + "/occupancy").asLong()).as(m.toString()).isEqualTo(expected.months().get(m).occupancy());
            assertThat(j.at("/months/" + m + "/in").asLong()).as(m.toString()).isEqualTo(expected.months().get(m).in());
        }
        assertThat(j.at("/profile/total").asLong()).isEqualTo(expected.profile().total());
        assertThat(j.at("/places/byOperator/0/label").asText()).isEqualTo("Fedasil");
    }

    @Test
    void pdfAndXlsxGoToTheFileNamed(@TempDir Path dir) throws IOException {
        Path pdf = dir.resolve("reception.pdf");
        Run r = keten("report", "reception", "--db", db, "--year", "2023", "--lang", "en", "--format", "pdf", "--out", pdf.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Wrote " + pdf + System.lineSeparator());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("RECEPTION STATISTICS 2023").contains("Occupancy rate")
                    .contains("36,205").contains("Waiting list");
        }

        Path xlsx = dir.resolve("reception.xlsx");
        r = keten("report", "reception", "--db", db, "--year", "2023", "--lang", "nl", "--format", "xlsx", "--out", xlsx.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            String workbook = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(workbook).contains("name=\"Overzicht\"").contains("name=\"IN en OUT\"").contains("name=\"Profiel bewoners\"");
        }
        assertThat(dir).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void withoutANetworkItSaysHowToLoadOneAndExitsFour(@TempDir Path dir) {
        Path file = dir.resolve("r.html");
        Run r = keten("report", "reception", "--db", bare, "--year", "2023", "--out", file.toString());
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("keten: no reception network loaded")
                .contains("keten reception load examples/reception/network-2024.csv");
        assertThat(file).doesNotExist();
    }

    @Test
    void aYearWithoutDataSaysSoInTheReportAndOnStandardError() {
        Run r = keten("report", "reception", "--db", db, "--year", "2021", "--lang", "en");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("No data for 2021: the register holds events from January 2022 to January 2025");
        assertThat(r.out()).contains("No data for 2021").doesNotContain("<table").doesNotContain("<svg");
    }

    @Test
    void badInputIsAUsageErrorAndAFailingDatabaseIsFive() {
        assertThat(keten("report", "reception", "--db", db, "--year", "23").exitCode()).isEqualTo(1);
        assertThat(keten("report", "reception", "--db", db).exitCode()).isEqualTo(1);
        assertThat(keten("report", "reception", "--db", db, "--year", "2023", "--lang", "de").exitCode()).isEqualTo(1);
        Run binary = keten("report", "reception", "--db", db, "--year", "2023", "--format", "xlsx");
        assertThat(binary.exitCode()).isEqualTo(1);
        assertThat(binary.err()).contains("--out");
        assertThat(keten("report", "reception", "--db", "jdbc:nosuchdb:x", "--year", "2023").exitCode()).isEqualTo(5);
    }
}
