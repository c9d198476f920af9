package be.keten.bench;

import be.keten.core.event.ChainEvent;
import be.keten.io.events.EventCodec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** NDJSON lines per second, encoded and decoded (the import's and export's per-event format cost). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
    final EventCodec codec = new EventCodec();
    List<ChainEvent> events;
    List<String> lines;

    @Setup
    public void generate() {
        HistoryGenerator g = new HistoryGenerator(RulebookBenchmark.RULEBOOK, 42, LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31));
        events = new ArrayList<>();
        for (int i = 1; i <= RulebookBenchmark.DOSSIERS; i++) {
            events.addAll(g.dossier(i));
        }
        lines = events.stream().map(codec::encode).toList();
    }

    @Benchmark
    @OperationsPerInvocation(RulebookBenchmark.EVENTS)
    public void encode(Blackhole bh) {
        for (ChainEvent e : events) {
            bh.consume(codec.encode(e));
        }
    }

    @Benchmark
    @OperationsPerInvocation(RulebookBenchmark.EVENTS)
    public void decode(Blackhole bh) {
        for (String l : lines) {
            bh.consume(codec.decode(l));
        }
    }
}
