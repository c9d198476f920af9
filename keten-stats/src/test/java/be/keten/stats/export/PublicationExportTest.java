package be.keten.stats.export;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceFiles;
import be.keten.stats.ChainStatistics;
import be.keten.stats.synth.Synthesizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export's layout and formats, on a small synthetic quarter, and the comparison's verdicts. */
class PublicationExportTest {
    static final String DECISIONS = "period,year,month,row_type,unit,decision_type,stage,count,share_percent,source,locator,note\n";
    static ReferenceData reference;
    static ChainStatistics statistics;

    @BeforeAll
    static void quarter() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(ReferenceFiles.APPLICATIONS_MONTHLY, """
                period,year,month,row_type,total,first_excl_resettlement,first_resettlement,subsequent,source,locator,note
                2023-01,2023,1,month,120,100,2,18,t,,
                2023-02,2023,2,month,90,80,0,10,t,,
                2023-03,2023,3,month,130,110,5,15,t,,
                2023-01/2023-03,2023,,ytd_total,340,290,7,43,t,,
                """);
        texts.put(ReferenceFiles.CGVS_DECISIONS, DECISIONS
                + "2023-01,2023,1,month,persons,refugee_status,final,40,,t,,\n2023-02,2023,2,month,persons,refugee_status,final,35,,t,,\n"
                + "2023-01,2023,1,month,dossiers,refugee_status,final,33,,t,,\n2023-02,2023,2,month,dossiers,refugee_status,final,30,,t,,\n"
                + "2023-01/2023-03,2023,,ytd_total,persons,refusal,final,50,,t,,\n2023-01/2023-03,2023,,ytd_total,dossiers,refusal,final,44,,t,,\n");
        texts.put(ReferenceFiles.CGVS_WORKLOAD, "period,measure,unit,value\n2023-03-31,workload_total,dossiers,150\n2023-03-31,workload_total,persons,170\n");
        reference = ReferenceData.read(texts);
        Synthesizer.Result r = Synthesizer.run(reference, new Synthesizer.Options(YearMonth.of(2023, 1), YearMonth.of(2023, 3), 3));
        statistics = new ChainStatistics(be.keten.stats.StatisticsParameters.defaults());
        r.events().forEach(statistics);
        assertThat(r.check().differences()).isEmpty();
    }

    private static List<List<String>> rows(ExportTable t, String period) {
        return t.rows().stream().filter(r -> r.get(0).equals(period)).toList();
    }

    @Test
    void anExportEndingInsideAYearWritesYearToDateRowsAndBlankMonths() {
        PublicationExport e = new PublicationExport(statistics, YearMonth.of(2023, 1), YearMonth.of(2023, 3));
        ExportTable apps = e.applicationsMonthly();
        assertThat(apps.header()).containsExactly("period", "year", "month", "row_type", "total", "first_excl_resettlement", "first_resettlement",
                "subsequent", "source", "locator", "note");
        assertThat(rows(apps, "2023-01/2023-03")).singleElement().satisfies(r -> {
            assertThat(r.subList(3, 8)).containsExactly("ytd_total", "340", "290", "7", "43");
        });
        assertThat(rows(apps, "2023-01/2023-02")).singleElement().satisfies(r -> assertThat(r.get(4)).isEqualTo("210"));
        assertThat(rows(apps, "2023-12")).singleElement().satisfies(r -> {
            assertThat(r.subList(4, 8)).containsOnly("");
            assertThat(r.get(10)).isEqualTo("month not yet reached");
        });
        assertThat(rows(e.decisions(), "2023-01/2023-03")).extracting(r -> r.get(4) + " " + r.get(5) + " " + r.get(7))
                .contains("persons refusal 50", "dossiers refusal 44", "persons admissible_subsequent_or_border 0");
        assertThat(rows(e.workload(), "2023-03-31")).extracting(r -> r.get(1) + " " + r.get(2) + " " + r.get(3))
                .contains("workload_total dossiers 150", "workload_total persons 170", "normal_workload dossiers 6500", "real_backlog dossiers -6350");
    }

    @Test
    void aWholeYearGivesYearTotalRows() {
        PublicationExport e = new PublicationExport(statistics, YearMonth.of(2022, 1), YearMonth.of(2022, 12));
        assertThat(rows(e.applicationsMonthly(), "2022")).singleElement().satisfies(r -> assertThat(r.get(3)).isEqualTo("year_total"));
        assertThat(rows(e.applicationsByNationality(), "2022")).extracting(r -> r.get(3)).endsWith("other", "total");
    }

    @Test
    void theExportReadsBackAsAReferenceFolderAndComparesEqual(@TempDir Path dir) throws IOException {
        PublicationExport e = new PublicationExport(statistics, YearMonth.of(2023, 1), YearMonth.of(2023, 3));
        ExportFormat.CSV.write(e, dir);
        Comparison c = Comparison.of(reference, ReferenceData.read(dir));
        assertThat(c.allEqual()).as(c.summary()).isTrue();
        assertThat(c.covered()).isEqualTo(c.checks().size()).isEqualTo(4 * 4 + 6 + 2);
    }

    @Test
    void theComparisonNamesEveryFigureThatDiffersIsMissingOrIsNotCovered() {
        PublicationExport e = new PublicationExport(statistics, YearMonth.of(2023, 1), YearMonth.of(2023, 2));
        Map<String, String> texts = new LinkedHashMap<>(e.texts());
        texts.put(ReferenceFiles.CGVS_WORKLOAD, "period,measure,unit,value\n");
        texts.put(ReferenceFiles.APPLICATIONS_MONTHLY, texts.get(ReferenceFiles.APPLICATIONS_MONTHLY).replace("2023-01,2023,1,month,120,", "2023-01,2023,1,month,121,"));
        Comparison c = Comparison.of(reference, ReferenceData.read(texts));
        assertThat(c.differences()).extracting(Comparison.Check::message).contains(
                "applications_monthly.csv line 2 2023-01 month total: published 120, export 121 -> different");
        assertThat(c.checks()).filteredOn(k -> k.status() == Comparison.Status.NOT_COVERED).extracting(Comparison.Check::key)
                .contains("2023-03 month", "2023-01/2023-03 ytd_total", "2023-03-31 workload_total dossiers");
    }

    @Test
    void xlsxHasOneSheetPerFileAndSdmxFollowsEurostatsLayout(@TempDir Path dir) throws IOException {
        PublicationExport e = new PublicationExport(statistics, YearMonth.of(2023, 1), YearMonth.of(2023, 3));
        ExportFormat.XLSX.write(e, dir);
        try (InputStream in = Files.newInputStream(dir.resolve(ExportFormat.WORKBOOK)); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            assertThat(wb.getSheets().map(Sheet::getName).toList()).containsExactly("applications_monthly", "applications_by_nationality",
                    "cgvs_decisions", "cgvs_decisions_by_nationality", "cgvs_workload");
            assertThat(wb.getFirstSheet().read().get(1).getCell(4).asNumber()).isEqualByComparingTo("120");
        }
        ExportFormat.SDMX_CSV.write(e, dir);
        List<String> apps = Files.readAllLines(dir.resolve(ExportFormat.SDMX_APPLICATIONS));
        assertThat(apps.get(0)).isEqualTo("DATAFLOW,LAST UPDATE,freq,unit,citizen,sex,age,asyl_app,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG");
        assertThat(apps).contains("ESTAT:MIGR_ASYAPPCTZM(1.0),,M,PER,TOTAL,T,TOTAL,ASY_APP,BE,2023-01,120,",
                "ESTAT:MIGR_ASYAPPCTZM(1.0),,M,PER,TOTAL,T,TOTAL,NASY_APP,BE,2023-01,102,",
                "ESTAT:MIGR_ASYAPPCTZM(1.0),,M,PER,TOTAL,T,TOTAL,SASY_APP,BE,2023-01,18,");
        List<String> decisions = Files.readAllLines(dir.resolve(ExportFormat.SDMX_DECISIONS));
        assertThat(decisions).anyMatch(l -> l.startsWith("ESTAT:MIGR_ASYDCFSTQ(1.0),,Q,PER,TOTAL,T,TOTAL,GENCONV,BE,2023-Q1,"));
        assertThat(Files.readString(dir.resolve(ExportFormat.SDMX_CODELISTS))).contains("asyl_app,NASY_APP,");
    }
}
