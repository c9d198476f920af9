package be.keten.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system, all threads) spent by processes, read from Linux's {@code /proc}: what
 * each process of a load test (server, database, load generator) costs per command. A process is
 * named by its id ({@code server=1234}) or by its command name ({@code postgres=@postgres}: all
 * processes of that name, so every PostgreSQL backend and helper). The machine as a whole is
 * {@value #MACHINE} (busy time of all CPUs, so the part no named process spent shows up too).
 *
 * <p>A JVM named by its id also gets the share of its JIT compiler and garbage collector threads:
 * on a small, shared machine the JIT can take minutes to settle, and a window that still holds
 * much compiling measures the warm-up rather than the work per command.
 */
final class ProcessCpu {
    static final String MACHINE = "machine";
    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
    private static final double TICK_SECONDS = 0.01;
    private static final String JIT = "/JIT";
    private static final String GC = "/GC";

    private final Map<String, String> targets = new LinkedHashMap<>();

    /** @param specs {@code label=PID} or {@code label=@command} */
    ProcessCpu(List<String> specs) {
        for (String s : specs) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new IllegalArgumentException("expected label=PID or label=@command, not " + s);
            }
            targets.put(s.substring(0, eq), s.substring(eq + 1));
        }
    }

    /** Whether there is anything to measure (only on Linux). */
    boolean enabled() {
        return !targets.isEmpty() && Files.isReadable(Path.of("/proc/stat"));
    }

    /** CPU seconds so far per label, and of the whole machine. */
    Map<String, Double> sample() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (var t : targets.entrySet()) {
            String target = t.getValue();
            if (target.startsWith("@")) {
                out.put(t.getKey(), ticksOfCommand(target.substring(1)) * TICK_SECONDS);
            } else {
                long pid = Long.parseLong(target);
                out.put(t.getKey(), ticks(pid) * TICK_SECONDS);
                long[] jitGc = jvmThreadTicks(pid);
                out.put(t.getKey() + JIT, jitGc[0] * TICK_SECONDS);
                out.put(t.getKey() + GC, jitGc[1] * TICK_SECONDS);
            }
        }
        out.put(MACHINE, machineBusyTicks() * TICK_SECONDS);
        return out;
    }

    /** utime + stime of one process, 0 if it is gone. */
    private static long ticks(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? 0 : ticks(stat);
    }

    private static long ticksOfCommand(String command) {
        long sum = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))::iterator) {
                String stat = read(p.resolve("stat"));
                if (stat != null && stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).equals(command)) {
                    sum += ticks(stat);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return sum;
    }

    /** Ticks of a JVM's JIT compiler threads and of its garbage collector threads (with the VM thread, which runs the pauses). */
    private static long[] jvmThreadTicks(long pid) {
        long[] out = new long[2];
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String stat = read(t.resolve("stat"));
                String name = stat == null ? "" : stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    out[0] += ticks(stat);
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    out[1] += ticks(stat);
                }
            }
        } catch (IOException e) {
            // The process has ended: nothing more to count.
        }
        return out;
    }

    /** Fields 14 and 15 of a /proc/PID/stat line, counted after the command name (which may hold spaces and parentheses). */
    static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** All CPUs' time in user, nice, system, irq, softirq and steal (the first line of /proc/stat). */
    private static long machineBusyTicks() {
        String[] f = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(f[i]);
        }
        return busy;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return null; // a process that ended between listing and reading
        }
    }

    /** One line per label: CPU per command and share of one CPU over the window; the machine's busy time not named. */
    static List<String> report(Map<String, Double> before, Map<String, Double> after, long commands, double seconds) {
        List<String> lines = new ArrayList<>();
        double named = 0;
        for (String label : after.keySet()) {
            if (label.contains("/")) {
                continue;
            }
            double cpu = after.get(label) - before.get(label);
            if (!label.equals(MACHINE)) {
                named += cpu;
            }
            String line = line(label, cpu, commands, seconds);
            if (after.containsKey(label + JIT)) {
                line += String.format(Locale.ROOT, "  (JIT %.3f, GC %.3f ms/command)", perCommand(after, before, label + JIT, commands),
                        perCommand(after, before, label + GC, commands));
            }
            lines.add(line);
        }
        lines.add(line("other processes", after.get(MACHINE) - before.get(MACHINE) - named, commands, seconds));
        return lines;
    }

    private static double perCommand(Map<String, Double> after, Map<String, Double> before, String key, long commands) {
        return commands == 0 ? 0 : (after.get(key) - before.get(key)) * 1000 / commands;
    }

    private static String line(String label, double cpu, long commands, double seconds) {
        return String.format(Locale.ROOT, "cpu %-16s %7.3f ms/command  %5.0f %% of one CPU", label,
                commands == 0 ? 0 : cpu * 1000 / commands, cpu * 100 / seconds);
    }
}
