package be.keten.stats.synth;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.io.reference.ReferenceData;
import be.keten.stats.export.Comparison;
import java.io.StringWriter;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** In memory (no database): the generator's own check against the shipped folder; the acceptance test in keten-app goes through the store. */
class SynthesizerTest {

    @Test
    void reproducesEveryPublishedFigureOfTheShippedFolderInTheWindow() throws Exception {
        Synthesizer.Result r = Synthesizer.run(ReferenceData.readBundled(), new Synthesizer.Options(YearMonth.of(2022, 1), YearMonth.of(2023, 12), 42));
        assertThat(r.check().differences()).isEmpty();
        assertThat(r.check().count(Comparison.Status.EQUAL)).isEqualTo(524);
        assertThat(r.check().count(Comparison.Status.NOT_COVERED)).isEqualTo(22);
        assertThat(r.header()).anySatisfy(h -> assertThat(h).startsWith("published figures in the window: 524, reproduced exactly: 524"));
        assertThat(r.header()).anySatisfy(h -> assertThat(h).contains("applications_monthly.csv line 40: period 2024 is outside the window"));
        StringWriter out = new StringWriter();
        r.write(out);
        assertThat(out.toString()).startsWith("# keten synth").contains("\n{\"type\":\"ApplicationRegistered\"");
    }

    @Test
    void aWindowInsideTheFolderTargetsWhatFallsInIt() {
        Synthesizer.Result r = Synthesizer.run(ReferenceData.readBundled(), new Synthesizer.Options(YearMonth.of(2023, 6), YearMonth.of(2023, 11), 9));
        assertThat(r.header()).anySatisfy(h -> assertThat(h).matches("published figures in the window: (\\d+), reproduced exactly: \\1;.*"));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("period 2023-01/2023-11 is outside the window"));
    }

    @Test
    void householdsAddUpExactly() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        int[] sizes = Households.partition(1391, 1157, rnd);
        assertThat(sizes).hasSize(1157);
        assertThat(java.util.Arrays.stream(sizes).sum()).isEqualTo(1391);
        assertThat(java.util.Arrays.stream(sizes).max().getAsInt()).isLessThanOrEqualTo(Households.MAX);
        assertThat(Households.fill(250, rnd).stream().mapToInt(Integer::intValue).sum()).isEqualTo(250);
    }

    @Test
    void allocationsHitTheirTotals() {
        long[][] x = Alloc.transport(new long[] {5, 7, 0}, new long[] {3, 3, 6});
        assertThat(x[0][0] + x[0][1] + x[0][2]).isEqualTo(5);
        assertThat(x[0][2] + x[1][2] + x[2][2]).isEqualTo(6);
        long[] capped = Alloc.capped(100, new double[] {10, 1, 1}, new long[] {40, 100, 100});
        assertThat(capped[0]).isEqualTo(40);
        assertThat(capped[0] + capped[1] + capped[2]).isEqualTo(100);
    }
}
