package be.keten.app.resettlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResettlementReportCommandTest {

    private static String row(CommandRun run, String period, String programme) {
        return run.out().lines().filter(l -> l.startsWith(period + " ") && l.contains(" " + programme + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + period + " " + programme + " in\n" + run.out()));
    }

    @Test
    void showsPledgedVersusRealisedFromThePublishedData() {
        CommandRun run = CommandRun.of(new ResettlementReportCommand());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        // 1,119 of 2,000 = 56.0 %; 176 of 1,150 = 15.3 %
        assertThat(row(run, "2018/2019", "resettlement")).contains("2,000", "1,119", "56.0 %");
        assertThat(row(run, "2020", "resettlement")).contains("1,150", "176", "15.3 %");
        assertThat(row(run, "2017", "resettlement")).contains("> 1,000");
        assertThat(row(run, "2021", "resettlement")).contains("≈ 1,500");
        assertThat(row(run, "2020", "community sponsorship")).contains("14");
        assertThat(row(run, "2023", "relocation")).contains("32");
        assertThat(run.out()).contains("pledged vs realised, 2017-2024")
                .contains("Split of the 2024 resettlement pledge: syrians in region around syria (SY) 150;")
                .contains("emergency resettlement 50 (parts sum to 500, the total)")
                .contains("resettlement, realised > 3,000")
                .doesNotContain("registered");
    }

    @Test
    void selectionMissionsAreShownPerPeriodAndHostCountryOrSaidToBeAbsent(@TempDir Path dir) throws IOException {
        // The published reference data hold no selection-mission figures: the report says so.
        assertThat(CommandRun.of(new ResettlementReportCommand()).out()).contains("Selection missions: none in the data for these years.");
        Path data = Files.writeString(dir.resolve("missions.csv"), "period,actor,measure,breakdown,category,nationality,iso2,"
                + "first_asylum_country,value,qualifier\n"
                + "2023,Belgium,pledge,,total,,,,500,exact\n"
                + "2023,Belgium,selection_interviewed,,total,,,LB,120,exact\n"
                + "2023,Belgium,selection_accepted,,total,,,LB,114,exact\n"
                + "2022,Belgium,selection_accepted,,total,,,TR,60,exact\n");
        Path html = dir.resolve("m.html");
        CommandRun run = CommandRun.of(new ResettlementReportCommand(), "--data", data.toString(), "--from", "2023", "--to", "2023",
                "--html", html.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Selection missions (CGVS interviews in the first country of asylum):")
                .containsPattern("2023\\s+LB\\s+120\\s+114\\s+95.0%").doesNotContain("TR");
        assertThat(Files.readString(html)).contains("<td>LB</td><td class=\"n\">120</td><td class=\"n\">114</td><td class=\"n\">95.0%</td>");
    }

    @Test
    void fromAndToSelectOverlappingPeriods() {
        CommandRun run = CommandRun.of(new ResettlementReportCommand(), "--from", "2019", "--to", "2019");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("2018/2019").contains("239").doesNotContain("1,150").doesNotContain("2024");
    }

    @Test
    void writesASelfContainedHtmlChart(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("r.html");
        CommandRun run = CommandRun.of(new ResettlementReportCommand(), "--from", "2018", "--to", "2020", "--html", html.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Wrote " + html);
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg", "</svg>", "<table>")
                .contains("<title>2018/2019 resettlement, pledged: 2,000</title>")
                .contains("<title>2020 resettlement, realised: 176</title>")
                .doesNotContainIgnoringCase("<script").doesNotContain("https://");
    }

    @Test
    void registeredArrivalsAppearBesidePublishedOnes() {
        CommandRun run = CommandRun.of(new ResettlementReportCommand().withRegisteredArrivals(Map.of(2020, 170L, 2025, 7L)));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("registered");
        assertThat(row(run, "2020", "resettlement")).contains("176").endsWith("170");
        assertThat(row(run, "2025", "resettlement")).endsWith("7");
    }

    @Test
    void withRegistryTheArrivalsRecordedInTheStoreAreCountedByProgrammeYear(@TempDir Path dir) throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("k");
        java.time.LocalDate day = java.time.LocalDate.of(2023, 3, 1);
        be.keten.core.id.DossierId id = be.keten.core.id.DossierId.of("D-RS-0001");
        java.util.List<be.keten.core.person.Person> family = java.util.List.of(
                new be.keten.core.person.Person(be.keten.core.id.PersonId.of("P-RS-0001"), be.keten.core.person.Nationality.of("SY"),
                        be.keten.core.person.Sex.FEMALE, 1985, false),
                new be.keten.core.person.Person(be.keten.core.id.PersonId.of("P-RS-0002"), be.keten.core.person.Nationality.of("SY"),
                        be.keten.core.person.Sex.MALE, 2014, false),
                new be.keten.core.person.Person(be.keten.core.id.PersonId.of("P-RS-0003"), be.keten.core.person.Nationality.of("SY"),
                        be.keten.core.person.Sex.MALE, 2016, false));
        try (be.keten.store.Database d = be.keten.store.Database.open(db)) {
            be.keten.store.CaseService cases = new be.keten.store.CaseService(be.keten.app.cli.DbCommand.store(d), be.keten.app.cli.DbCommand.rulebook(),
                    new be.keten.store.AuditLog(d, java.time.Clock.systemUTC()));
            assertThat(cases.submit(new be.keten.core.event.PathwayEvent.ArrivedThroughPathway(id, day,
                    be.keten.core.pathway.PathwayChannel.RESETTLEMENT, family, be.keten.core.person.Nationality.of("LB"), 2023), "arrive-1"))
                    .isInstanceOf(be.keten.store.CaseResult.Accepted.class);
        }
        CommandRun run = CommandRun.of(new ResettlementReportCommand(), "--registry", "--db", db);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("registered");
        assertThat(row(run, "2023", "resettlement")).endsWith("3");
    }

    @Test
    void invalidInputReturnsTwo(@TempDir Path dir) throws IOException {
        CommandRun run = CommandRun.of(new ResettlementReportCommand(), "--from", "2021", "--to", "2020");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("keten: --from 2021 is after --to 2020" + System.lineSeparator());

        Path bad = Files.writeString(dir.resolve("bad.csv"), "period,actor,measure,breakdown,category,nationality,iso2,"
                + "first_asylum_country,value,qualifier\n2020,Belgium,pledge,,total,,,,1150,exact\n2020,Belgium,arrived,,total,,,,-176,exact\n");
        run = CommandRun.of(new ResettlementReportCommand(), "--data", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("keten: bad.csv line 3, field value: must not be negative (was -176)" + System.lineSeparator());

        run = CommandRun.of(new ResettlementReportCommand(), "--data", dir.resolve("none.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("keten: file not found: ");
    }

    @Test
    void helpSaysWhereRegisteredCountsComeFrom() {
        CommandRun run = CommandRun.of(new ResettlementReportCommand(), "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("--from=YYYY", "--to=YYYY", "--html=FILE",
                "--registry", "resettlement arrivals recorded in the event store");
    }
}
