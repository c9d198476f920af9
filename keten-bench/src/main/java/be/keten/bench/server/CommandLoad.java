package be.keten.bench.server;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Sustained command load on a running {@code keten serve}: {@code clients} concurrent clients, each
 * taking dossiers of its own through the chain's first eight steps (register … notify) as the DVZ
 * and the CGVS would, one command per request with an idempotency key and the expected version.
 * Prints throughput and latency percentiles of the measured window (after a warm-up), and the CPU
 * each named process spent per command in that window ({@link ProcessCpu}; the generator itself is
 * always measured).
 *
 * <p>Each client is a blocking Apache HttpClient with one kept-alive connection: about 0.1 ms of
 * CPU per request, where the JDK's asynchronous {@code java.net.http} client spent 0.3 to 1.2 ms,
 * taken from the server under test on a shared machine.
 *
 * <pre>java -cp keten-bench/target/keten-bench.jar be.keten.bench.server.CommandLoad URL DVZ_USER:PASS CGVS_USER:PASS CLIENTS WARMUP_S MEASURE_S [server=PID postgres=@postgres …]</pre>
 */
public final class CommandLoad {
    private static final LocalDate DAY0 = LocalDate.of(2025, 1, 6);
    /** Throughput is printed every 10 s of the warm-up: on a small machine the JIT takes a minute or more to settle. */
    private static final long PROGRESS = 10_000_000_000L;

    /** One step: command name, issuing account (0 DVZ, 1 CGVS), days after registration, body. */
    private record Step(String command, int account, int day, String body) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("register", 0, 0, "{\"date\":\"%s\",\"application\":\"A-%s\",\"applicationType\":\"FIRST\",\"persons\":[{\"id\":\"P-%s\","
                    + "\"nationality\":\"AF\",\"sex\":\"MALE\",\"yearOfBirth\":1995,\"declaredUnaccompaniedMinor\":false}],"
                    + "\"languageRole\":\"NL\",\"protectedInOtherEuState\":false}"),
            new Step("lodge", 0, 3, "{\"date\":\"%s\"}"),
            new Step("start-dublin-check", 0, 4, "{\"date\":\"%s\"}"),
            new Step("decide-dublin", 0, 20, "{\"date\":\"%s\",\"outcome\":\"BELGIUM_RESPONSIBLE\"}"),
            new Step("transfer", 0, 25, "{\"date\":\"%s\"}"),
            new Step("interview", 1, 60, "{\"date\":\"%s\"}"),
            new Step("decide", 1, 80, "{\"date\":\"%s\",\"decisionType\":\"REFUSAL\"}"),
            new Step("notify", 1, 82, "{\"date\":\"%s\"}"));

    private CommandLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: CommandLoad URL DVZ_USER:PASS CGVS_USER:PASS CLIENTS WARMUP_SECONDS MEASURE_SECONDS [LABEL=PID|LABEL=@COMMAND …]");
            System.exit(1);
        }
        String url = args[0].replaceAll("/$", "");
        String[] auth = {basic(args[1]), basic(args[2])};
        int clients = Integer.parseInt(args[3]);
        long warmup = Long.parseLong(args[4]) * 1_000_000_000L;
        long measure = Long.parseLong(args[5]) * 1_000_000_000L;
        List<String> measured = new ArrayList<>(List.of("generator=" + ProcessHandle.current().pid()));
        measured.addAll(List.of(args).subList(6, args.length));
        ProcessCpu cpu = new ProcessCpu(measured);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);

        long start = System.nanoTime();
        long from = start + warmup;
        long until = from + measure;
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[4_000_000];
            latencies.add(mine);
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    counts[client] = drive(url, auth, run + "-" + client, from, until, mine, completed, errors);
                } catch (Exception e) {
                    System.err.println("client " + client + ": " + e);
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        long seen = 0;
        for (long next = start + PROGRESS; next <= from; next += PROGRESS) {
            sleepUntil(next);
            long now = completed.get();
            System.out.printf(Locale.ROOT, "warm-up %3.0f s: %5.0f commands/s%n", (next - start) / 1e9, (now - seen) / (PROGRESS / 1e9));
            seen = now;
        }
        Map<String, Double> cpuFrom = null;
        Map<String, Double> cpuUntil = null;
        if (cpu.enabled()) {
            sleepUntil(from);
            cpuFrom = cpu.sample();
            sleepUntil(until);
            cpuUntil = cpu.sample();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        double seconds = measure / 1e9;
        System.out.printf(Locale.ROOT, "clients %d, measured %.0f s: %d commands, %.0f commands/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms, errors %d%n", clients, seconds, total, total / seconds, pct(all, 0.50), pct(all, 0.90), pct(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get());
        if (cpuFrom != null) {
            ProcessCpu.report(cpuFrom, cpuUntil, total, seconds).forEach(System.out::println);
        }
    }

    /** Runs dossiers through the steps until {@code until}; records latencies of requests started after {@code from}. */
    private static int drive(String url, String[] auth, String prefix, long from, long until, long[] out, AtomicLong completed,
                             AtomicLong errors) throws Exception {
        ConnectionConfig timeouts = ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10)).setSocketTimeout(Timeout.ofSeconds(60)).build();
        try (CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(1).setMaxConnPerRoute(1)
                        .setDefaultConnectionConfig(timeouts).build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement().disableAuthCaching()
                .disableContentCompression().build()) {
            int n = 0;
            for (int dossier = 0; System.nanoTime() < until; dossier++) {
                String id = "B" + prefix + "-" + dossier;
                int version = 0;
                for (Step s : STEPS) {
                    String date = DAY0.plusDays(s.day()).toString();
                    String body = s.command().equals("register") ? String.format(s.body(), date, id, id) : String.format(s.body(), date);
                    HttpPost req = new HttpPost(url + "/api/cases/D-" + id + "/commands/" + s.command());
                    req.setHeader("Authorization", auth[s.account()]);
                    req.setHeader("Idempotency-Key", id + "-" + s.command());
                    req.setHeader("If-Match", "\"" + version + "\"");
                    req.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
                    long t0 = System.nanoTime();
                    String failure = http.execute(req, res -> {
                        int status = res.getCode();
                        boolean ok = status == 201 || status == 200;
                        String text = ok ? null : status + ": " + EntityUtils.toString(res.getEntity());
                        if (ok) {
                            EntityUtils.consume(res.getEntity());
                        }
                        return text;
                    });
                    long t1 = System.nanoTime();
                    if (failure != null) {
                        if (errors.incrementAndGet() <= 5) {
                            System.err.println(s.command() + " " + failure);
                        }
                        break;
                    }
                    version++;
                    completed.incrementAndGet();
                    if (t0 >= from && t1 <= until && n < out.length) {
                        out[n++] = t1 - t0;
                    }
                    if (t1 > until) {
                        return n;
                    }
                }
            }
            return n;
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
