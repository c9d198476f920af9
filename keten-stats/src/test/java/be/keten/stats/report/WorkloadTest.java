package be.keten.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.stats.report.Document.Paragraph;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The workload section's second sentence in its three cases (GUIDE §5.2; seed 002: 24,764 − 6,500 = 18,264). */
class WorkloadTest {
    @Test
    void aBacklogAboveTheNormalWorkloadIsStatedAsInThePublication() {
        List<Paragraph> p = Workload.backlogSentences(new Messages(Language.NL), OptionalLong.of(6500), OptionalLong.of(18264));
        assertThat(p).extracting(Paragraph::text).containsExactly("Gelet op de instroom en het personeelsbestand kunnen 6.500 dossiers als een"
                + " normale werklast worden beschouwd. 18.264 dossiers maken de reële achterstand uit.");
        assertThat(Workload.backlogSentences(new Messages(Language.EN), OptionalLong.of(6500), OptionalLong.of(18264)).get(0).text())
                .endsWith("18,264 dossiers make up the real backlog.");
        assertThat(Workload.backlogSentences(new Messages(Language.FR), OptionalLong.of(6500), OptionalLong.of(18264)).get(0).text())
                .contains("constituent l’arriéré réel");
    }

    @Test
    void belowTheNormalWorkloadThereIsNoBacklogAndWithoutOneNoneIsGiven() {
        assertThat(Workload.backlogSentences(new Messages(Language.EN), OptionalLong.of(6500), OptionalLong.of(-20)).get(0).text())
                .endsWith("The workload is 20 dossiers below the normal workload: there is no real backlog.")
                .doesNotContain("-20");
        assertThat(Workload.backlogSentences(new Messages(Language.EN), OptionalLong.empty(), OptionalLong.empty()))
                .extracting(Paragraph::text).containsExactly("No normal workload is set for this date, so no real backlog is given.");
    }
}
