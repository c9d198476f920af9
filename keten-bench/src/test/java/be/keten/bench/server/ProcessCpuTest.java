package be.keten.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void readsUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194368 100 0 0 0 250 31 0 0 20 0 40 0 123 0 0";
        assertThat(ProcessCpu.ticks(stat)).isEqualTo(281);
        String odd = "77 (a) b (c) R 1 77 77 0 -1 0 0 0 0 0 7 5 0 0 20 0 1 0 9 0 0";
        assertThat(ProcessCpu.ticks(odd)).isEqualTo(12);
    }

    @Test
    void reportsCpuPerCommandAndWhatNoNamedProcessSpent() {
        Map<String, Double> before = Map.of("server", 10.0, "server/JIT", 2.0, "server/GC", 0.5, ProcessCpu.MACHINE, 100.0);
        Map<String, Double> after = new java.util.LinkedHashMap<>();
        after.put("server", 16.0);
        after.put("server/JIT", 2.5);
        after.put("server/GC", 0.6);
        after.put(ProcessCpu.MACHINE, 120.0);

        List<String> lines = ProcessCpu.report(before, after, 10_000, 20);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("server", "0.600 ms/command", "30 % of one CPU", "JIT 0.050", "GC 0.010");
        assertThat(lines.get(1)).contains("machine", "2.000 ms/command", "100 % of one CPU");
        assertThat(lines.get(2)).contains("other processes", "1.400 ms/command", "70 % of one CPU");
    }

    @Test
    void refusesATargetWithoutALabel() {
        assertThatThrownBy(() -> new ProcessCpu(List.of("1234"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcessCpu(List.of("server="))).isInstanceOf(IllegalArgumentException.class);
    }
}
