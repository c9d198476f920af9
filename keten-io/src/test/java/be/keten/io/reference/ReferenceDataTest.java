package be.keten.io.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDataTest {
    private static final String DECISIONS_HEADER = "period,year,month,row_type,unit,decision_type,stage,count,share_percent,source,locator,note\n";

    @Test
    void readsTheShippedFilesWithTheirLineNumbers() {
        ReferenceData d = ReferenceData.readBundled();
        assertThat(d.files()).containsExactlyInAnyOrderElementsOf(ReferenceFiles.PUBLICATION);
        assertThat(d.applications()).hasSize(39);
        assertThat(d.decisions()).hasSize(192);
        assertThat(d.decisionsByNationality()).hasSize(60);
        ReferenceData.Applications ytd = d.applications().stream().filter(r -> r.rowType().equals("ytd_total")).findFirst().orElseThrow();
        assertThat(ytd.period().label()).isEqualTo("2023-01/2023-11");
        assertThat(ytd.line()).isEqualTo(26);
        assertThat(ytd.count("total")).hasValue(32203);
        ReferenceData.Applications year2023 = d.applications().stream()
                .filter(r -> r.rowType().equals("year_total") && r.period().label().equals("2023")).findFirst().orElseThrow();
        assertThat(year2023.count("subsequent")).isEmpty();
        assertThat(d.workload()).first().satisfies(w -> {
            assertThat(w.date()).isEqualTo(LocalDate.of(2023, 11, 30));
            assertThat(w.value()).isEqualByComparingTo("24764");
        });
    }

    @Test
    void scalingMultipliesEveryCountAndKeepsSharesAndLines() {
        ReferenceData d = ReferenceData.readBundled();
        ReferenceData s = d.scaled(3);
        assertThat(d.scaled(1)).isSameAs(d);
        for (int i = 0; i < d.applications().size(); i++) {
            var a = d.applications().get(i);
            var b = s.applications().get(i);
            assertThat(b.line()).isEqualTo(a.line());
            assertThat(b.counts().keySet()).containsExactlyElementsOf(a.counts().keySet());
            a.counts().forEach((c, v) -> assertThat(b.counts().get(c)).isEqualTo(3 * v));
        }
        for (int i = 0; i < d.decisions().size(); i++) {
            var a = d.decisions().get(i);
            var b = s.decisions().get(i);
            assertThat(b.count()).isEqualTo(a.count() == null ? null : 3 * a.count());
            assertThat(b.sharePercent()).isEqualTo(a.sharePercent());
        }
        assertThat(s.applicationsByNationality().get(0).sharePercent()).isEqualTo(d.applicationsByNationality().get(0).sharePercent());
        assertThat(s.decisionsByNationality().get(0).count()).isEqualTo(3 * d.decisionsByNationality().get(0).count());
        assertThat(s.workload()).extracting(w -> w.measure() + " " + w.value().toPlainString())
                .containsExactly("workload_total 74292", "workload_total 89226", "normal_workload 19500", "real_backlog 54792");
        assertThat(ReferenceConsistency.check(s)).isEmpty();
        assertThatThrownBy(() -> d.scaled(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedFiguresAgreeWithEachOther() {
        assertThat(ReferenceConsistency.check(ReferenceData.readBundled())).isEmpty();
    }

    @Test
    void anySubsetOfTheFilesMayBePresent(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ReferenceFiles.CGVS_WORKLOAD), "period,measure,unit,value\n2023-12-31,workload_total,dossiers,100\n");
        ReferenceData d = ReferenceData.read(dir);
        assertThat(d.files()).containsExactly(ReferenceFiles.CGVS_WORKLOAD);
        assertThat(d.applications()).isEmpty();
        assertThat(d.workload()).hasSize(1);
    }

    @Test
    void aFolderWithoutAnyPublicationFileIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> ReferenceData.read(dir)).isInstanceOf(ReferenceInputException.class)
                .hasMessageContaining("no publication file found");
    }

    @Test
    void anUnknownDecisionTypeNamesFileLineAndColumn() {
        String text = DECISIONS_HEADER + "2023-01,2023,1,month,persons,refugee_status,final,766,,x,y,\n"
                + "2023-01,2023,1,month,persons,asylum_granted,final,5,,x,y,\n";
        assertThatThrownBy(() -> ReferenceData.read(Map.of(ReferenceFiles.CGVS_DECISIONS, text)))
                .isInstanceOfSatisfying(ReferenceInputException.class, e -> {
                    assertThat(e.file()).isEqualTo("cgvs_decisions.csv");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo("decision_type");
                    assertThat(e.position()).isEqualTo(6);
                    assertThat(e.getMessage()).startsWith("cgvs_decisions.csv line 3, column 'decision_type' (6): unknown decision type 'asylum_granted'");
                });
    }

    @Test
    void aMalformedNumberNamesFileLineAndColumn() {
        String text = DECISIONS_HEADER + "2023-01,2023,1,month,persons,refugee_status,final,7.66,,x,y,\n";
        assertThatThrownBy(() -> ReferenceData.read(Map.of(ReferenceFiles.CGVS_DECISIONS, text)))
                .hasMessage("cgvs_decisions.csv line 2, column 'count' (8): '7.66' is not a whole number of persons or dossiers (digits only, no separators)");
    }

    @Test
    void aMalformedCsvIsRefused() {
        String text = "period,measure,unit,value\n2023-11-30,workload_total,\"dossiers,100\n";
        assertThatThrownBy(() -> ReferenceData.read(Map.of(ReferenceFiles.CGVS_WORKLOAD, text)))
                .isInstanceOf(ReferenceInputException.class).hasMessageStartingWith("cgvs_workload.csv");
        String wrongFields = "period,measure,unit,value\n2023-11-30,workload_total,dossiers\n";
        assertThatThrownBy(() -> ReferenceData.read(Map.of(ReferenceFiles.CGVS_WORKLOAD, wrongFields)))
                .hasMessage("cgvs_workload.csv line 2, column 'columns': expected 4 fields as in the header, found 3");
    }

    @Test
    void anUnknownOrMissingColumnIsRefused() {
        assertThatThrownBy(() -> ReferenceData.read(Map.of(ReferenceFiles.CGVS_WORKLOAD, "period,measure,unit,value,colour\n")))
                .hasMessageStartingWith("cgvs_workload.csv line 1, column 'colour' (5): unknown column");
        assertThatThrownBy(() -> ReferenceData.read(Map.of(ReferenceFiles.CGVS_WORKLOAD, "period,measure,value\n")))
                .hasMessageStartingWith("cgvs_workload.csv line 1, column 'unit': column missing");
    }

    @Test
    void aPeriodMustFitItsRowType() {
        String text = DECISIONS_HEADER + "2023,2023,,ytd_total,persons,refugee_status,final,766,,x,y,\n";
        assertThatThrownBy(() -> ReferenceData.read(Map.of(ReferenceFiles.CGVS_DECISIONS, text)))
                .hasMessageStartingWith("cgvs_decisions.csv line 2, column 'period' (1): '2023' does not fit row type ytd_total");
    }

    @Test
    void inconsistentTotalsAreListedWithFileLineAndColumn() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(ReferenceFiles.APPLICATIONS_MONTHLY, "period,year,month,row_type,total,first_excl_resettlement,first_resettlement,subsequent\n"
                + "2023-01,2023,1,month,10,8,0,2\n"
                + "2023-02,2023,2,month,12,9,1,3\n"
                + "2023-01/2023-02,2023,,ytd_total,22,17,1,6\n");
        texts.put(ReferenceFiles.CGVS_DECISIONS, DECISIONS_HEADER
                + "2023-01,2023,1,month,dossiers,refusal,final,9,,x,y,\n"
                + "2023-01,2023,1,month,persons,refusal,final,8,,x,y,\n");
        List<ReferenceConsistency.Inconsistency> found = ReferenceConsistency.check(ReferenceData.read(texts));
        assertThat(found).extracting(ReferenceConsistency.Inconsistency::message).containsExactly(
                "applications_monthly.csv line 3, column 'total': total 12 but first_excl_resettlement + first_resettlement + subsequent = 13"
                        + " [columns sum to the total]",
                "applications_monthly.csv line 4, column 'subsequent': subsequent 6 for 2023-01/2023-02 but [2023-01, 2023-02] add up to 5"
                        + " (lines [2, 3]) [months sum to the period total]",
                "applications_monthly.csv line 4, column 'total': total 22 but first_excl_resettlement + first_resettlement + subsequent = 24"
                        + " [columns sum to the total]",
                "cgvs_decisions.csv line 2, column 'count': refusal: 9 dossiers but only 8 persons (line 3) [a dossier has at least one person]");
    }
}
