package be.keten.stats.synth;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.io.reference.ReferenceData;
import be.keten.stats.ChainStatistics;
import be.keten.stats.StatisticsParameters;
import be.keten.stats.export.Comparison;
import be.keten.stats.export.PublicationExport;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void theStreamedFileHasTheSameBytesAsTheInMemoryOne(@TempDir Path dir) throws Exception {
        Synthesizer.Options o = new Synthesizer.Options(YearMonth.of(2023, 9), YearMonth.of(2023, 11), 7, 2);
        StringWriter mem = new StringWriter();
        Synthesizer.Result r = Synthesizer.run(ReferenceData.readBundled(), o);
        r.write(mem);
        Path file = dir.resolve("s.ndjson");
        Synthesizer.Summary s = Synthesizer.write(ReferenceData.readBundled(), o, file);
        assertThat(Files.readString(file)).isEqualTo(mem.toString());
        assertThat(s.events()).isEqualTo(r.events().size());
        assertThat(s.header()).isEqualTo(r.header());
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void atScaleThreeEveryPublishedCountComesBackThreeTimes() {
        ReferenceData ref = ReferenceData.readBundled();
        Synthesizer.Result r = Synthesizer.run(ref, new Synthesizer.Options(YearMonth.of(2023, 6), YearMonth.of(2023, 11), 9, 3));
        java.util.function.Predicate<Comparison.Check> inWindow = c -> !c.period().from().isBefore(YearMonth.of(2023, 6))
                && !c.period().to().isAfter(YearMonth.of(2023, 11));
        assertThat(r.check().differences()).filteredOn(inWindow).isEmpty();
        assertThat(r.header()).anySatisfy(h -> assertThat(h).contains(", seed 9, scale 3 ("));
        ChainStatistics stats = new ChainStatistics(StatisticsParameters.defaults().scaled(3));
        r.events().forEach(stats);
        Comparison printed = Comparison.of(ref, ReferenceData.read(new PublicationExport(stats, YearMonth.of(2023, 6), YearMonth.of(2023, 11)).texts()));
        assertThat(printed.checks()).filteredOn(inWindow)
                .isNotEmpty().allSatisfy(c -> {
                    if (c.column().contains("percent") || c.column().equals("rank")) {
                        assertThat(c.status()).as(c.message()).isEqualTo(Comparison.Status.EQUAL);
                    } else {
                        assertThat(new BigDecimal(c.exported())).as(c.message()).isEqualByComparingTo(new BigDecimal(c.published()).multiply(BigDecimal.valueOf(3)));
                    }
                });
        assertThat(r.events()).extracting(e -> e.dossier().value()).allMatch(id -> id.matches("D-SYN-\\d{7}"));
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
