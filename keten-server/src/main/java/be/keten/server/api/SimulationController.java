package be.keten.server.api;

import be.keten.core.calendar.Period;
import be.keten.server.KetenProperties;
import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.server.security.Role;
import be.keten.server.simulation.Levers;
import be.keten.server.simulation.ScenarioCatalog;
import be.keten.server.simulation.SimulationJobs;
import be.keten.sim.Bands;
import be.keten.sim.FluidModel;
import be.keten.sim.Indicator;
import be.keten.sim.Outcome;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioException;
import be.keten.sim.SimulationOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulations as asynchronous jobs ({@link SimulationJobs}): submit a scenario, poll its progress,
 * fetch the results (mean and 5th/50th/95th percentiles across replications per indicator and
 * month or year, as {@code keten simulate} writes them), cancel. A user sees their own jobs; an
 * analyst sees everyone's.
 */
@RestController
@Tag(name = "Simulations", description = "What-if simulations as asynchronous jobs (agencies and analysts)")
public class SimulationController {
    static final int DEFAULT_REPLICATIONS = 10;
    static final int MAX_REPLICATIONS = 1000;

    /** A job as the API shows it. */
    public record JobView(String id, String owner, String label, String scenario, String status, double progress, int replications,
                          int replicationsDone, long seed, String firstMonth, String lastMonth, Instant submittedAt, Instant finishedAt,
                          String error, String results, String estimate) {
        static JobView of(SimulationJobs.Job j) {
            Scenario s = j.scenario();
            return new JobView(j.id(), j.owner(), j.label(), s.name(), j.status().name(), j.progress(), j.replications(), j.replicationsDone(),
                    j.seed(), s.firstMonth().toString(), s.lastMonth().toString(), j.submittedAt(), j.finishedAt(), j.error(),
                    j.status() == SimulationJobs.Status.DONE ? "/api/simulations/" + j.id() + "/results" : null,
                    j.estimate() != null ? "/api/simulations/" + j.id() + "/estimate" : null);
        }
    }

    /** Mean and percentiles of one period across replications; a value is absent where it is undefined. */
    public record Band(String period, Double mean, Double p5, Double p50, Double p95) {
        static Band of(String period, Bands b) {
            return new Band(period, num(b.mean()), num(b.p5()), num(b.p50()), num(b.p95()));
        }

        private static Double num(double d) {
            return Double.isNaN(d) ? null : d;
        }
    }

    /** One indicator's series. */
    public record Series(String code, String unit, String kind, String definition, List<Band> monthly, List<Band> yearly) {
    }

    /** A finished job's results. */
    public record Results(String id, String scenario, int replications, Long seed, String firstMonth, String lastMonth, List<Series> indicators) {
    }

    private final SimulationJobs jobs;
    private final KetenProperties properties;
    private final ScenarioCatalog catalog;
    private final CurrentUser user;

    public SimulationController(SimulationJobs jobs, KetenProperties properties, ScenarioCatalog catalog, CurrentUser user) {
        this.jobs = jobs;
        this.properties = properties;
        this.catalog = catalog;
        this.user = user;
    }

    @PostMapping("/api/simulations")
    @Operation(summary = "Submit a simulation: {scenario: file name | yaml: scenario text, replications (1-1000, default 10),"
            + " seed (default 1), horizon_months (1-240, optional)}; 202 with the job's Location",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))))
    public ResponseEntity<JobView> submit(HttpServletRequest request) {
        user.require(Access.SIMULATORS, "run simulations");
        ObjectNode body = Bodies.object(request, false);
        Bodies.allowOnly(body, "scenario", "yaml", "replications", "seed", "horizon_months");
        String name = text(body, "scenario");
        String yaml = text(body, "yaml");
        if ((name == null) == (yaml == null)) {
            throw ApiException.badRequest("scenario", "give either 'scenario' (a scenario file of the server) or 'yaml' (a scenario's text)");
        }
        int replications = (int) number(body, "replications", DEFAULT_REPLICATIONS, 1, MAX_REPLICATIONS);
        long seed = number(body, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        Integer horizon = body.hasNonNull("horizon_months") ? (int) number(body, "horizon_months", 0, 1, ScenarioInput.MAX_HORIZON) : null;
        Scenario scenario;
        try {
            scenario = name != null ? ScenarioInput.named(catalog, name) : ScenarioInput.text(properties.scenarios(), yaml);
        } catch (ScenarioException e) {
            throw new ApiException(400, "invalid-scenario", "Invalid scenario", e.getMessage(), e.key());
        }
        if (horizon != null) {
            // The what-if page's horizon lever: one way to change a scenario's horizon.
            scenario = new Levers(1.0, null, 0, null, 0, List.of(), horizon).apply(scenario);
        }
        SimulationJobs.Job job = jobs.submit(user.name(), name != null ? name : scenario.name(), scenario, replications, seed);
        return ResponseEntity.accepted().location(URI.create("/api/simulations/" + job.id())).body(JobView.of(job));
    }

    @GetMapping("/api/simulations")
    @Operation(summary = "The simulation jobs kept (newest first): your own; every user's for analysts")
    public List<JobView> list() {
        user.require(Access.SIMULATORS, "run simulations");
        return jobs.list().stream().filter(this::visible).map(JobView::of).toList();
    }

    @GetMapping("/api/simulations/{id}")
    @Operation(summary = "A job's status and progress")
    public JobView get(@PathVariable("id") String id) {
        user.require(Access.SIMULATORS, "run simulations");
        return JobView.of(job(id));
    }

    @GetMapping("/api/simulations/{id}/results")
    @Operation(summary = "A finished job's results per indicator and month (and year): mean, p5, p50, p95 across replications;"
            + " format=csv gives series.csv (period=year: summary.csv) as 'keten simulate' writes it")
    public ResponseEntity<?> results(@PathVariable("id") String id, @RequestParam(value = "format", required = false) String format,
                                     @RequestParam(value = "period", required = false) String period) {
        Asked a = asked(id, format, period);
        SimulationJobs.Job job = a.job();
        List<Outcome> outcomes = job.outcomes();
        if (job.status() != SimulationJobs.Status.DONE || outcomes == null) {
            throw ApiException.conflict("the job is " + job.status().name().toLowerCase(java.util.Locale.ROOT) + ": results exist once it is done")
                    .with("status", job.status().name());
        }
        return render(job, outcomes, job.replications(), job.seed(), "stochastic mode, seed " + job.seed(), a.format(), a.period());
    }

    @GetMapping("/api/simulations/{id}/estimate")
    @Operation(summary = "The scenario's deterministic stock-flow estimate, there from submission on: the same shape as the results"
            + " (mean = p5 = p50 = p95, replications 0, no seed), as 'keten simulate --fluid' gives it; rougher than the replications;"
            + " 404 when the stock-flow model could not run the scenario")
    public ResponseEntity<?> estimate(@PathVariable("id") String id, @RequestParam(value = "format", required = false) String format,
                                      @RequestParam(value = "period", required = false) String period) {
        Asked a = asked(id, format, period);
        SimulationJobs.Job job = a.job();
        if (job.estimate() == null) {
            throw ApiException.notFound("the stock-flow model could not run this scenario: no estimate for job " + job.id());
        }
        return render(job, List.of(job.estimate()), 0, null, FluidModel.MODE, a.format(), a.period());
    }

    /** A request for a job's figures: the job (if the caller may see it), the format and the period, all checked. */
    private record Asked(SimulationJobs.Job job, String format, String period) {
    }

    private Asked asked(String id, String format, String period) {
        user.require(Access.SIMULATORS, "run simulations");
        String f = format(format);
        String p = period(period);
        return new Asked(job(id), f, p);
    }

    private static String format(String format) {
        String f = format == null || format.isBlank() ? "json" : format.strip();
        if (!f.equals("json") && !f.equals("csv")) {
            throw ApiException.badRequest("format", "format: '" + Params.clip(format) + "' is not allowed; allowed: json, csv");
        }
        return f;
    }

    private static String period(String period) {
        String p = period == null || period.isBlank() ? "month" : period.strip();
        if (!p.equals("month") && !p.equals("year")) {
            throw ApiException.badRequest("period", "period: '" + Params.clip(period) + "' is not allowed; allowed: month, year");
        }
        return p;
    }

    /** Bands per indicator and month and year over {@code outcomes}, as JSON or as the CSV file {@code keten simulate} writes. */
    private static ResponseEntity<?> render(SimulationJobs.Job job, List<Outcome> outcomes, int replications, Long seed, String mode, String f,
                                            String p) {
        Scenario sc = job.scenario();
        if (f.equals("csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .body(csv(sc, outcomes, mode, p.equals("year") ? "summary.csv" : "series.csv"));
        }
        List<Indicator> all = Indicator.all();
        List<Period> months = Outcome.months(sc);
        List<Period> years = Outcome.years(sc);
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Indicator ind = all.get(i);
            List<Band> monthly = new ArrayList<>();
            for (int j = 0; j < months.size(); j++) {
                monthly.add(Band.of(months.get(j).label(), Bands.of(outcomes, false, i, j)));
            }
            List<Band> yearly = new ArrayList<>();
            for (int j = 0; j < years.size(); j++) {
                yearly.add(Band.of(Integer.toString(years.get(j).from().getYear()), Bands.of(outcomes, true, i, j)));
            }
            series.add(new Series(ind.code(), ind.unit(), ind.kind().name(), ind.definition(), monthly, yearly));
        }
        return ResponseEntity.ok(new Results(job.id(), sc.name(), replications, seed, sc.firstMonth().toString(),
                sc.lastMonth().toString(), series));
    }

    @DeleteMapping("/api/simulations/{id}")
    @Operation(summary = "Cancel your queued or running job; 409 when it has already ended")
    public JobView cancel(@PathVariable("id") String id) {
        user.require(Access.SIMULATORS, "run simulations");
        SimulationJobs.Job job = job(id);
        if (!job.owner().equals(user.name())) {
            throw new org.springframework.security.access.AccessDeniedException("only the user who submitted a simulation may cancel it");
        }
        if (!jobs.cancel(job.id())) {
            throw ApiException.conflict("the job has already ended (" + job.status().name().toLowerCase(java.util.Locale.ROOT) + ")")
                    .with("status", job.status().name());
        }
        return JobView.of(job);
    }

    /** A job the caller may see; others' jobs are as absent as unknown ones. */
    private SimulationJobs.Job job(String id) {
        return jobs.find(id).filter(this::visible).orElseThrow(() -> ApiException.notFound("no simulation job " + Params.clip(id)));
    }

    private boolean visible(SimulationJobs.Job j) {
        return user.role().orElse(null) == Role.ANALYST || j.owner().equals(user.name());
    }

    /** series.csv or summary.csv exactly as {@code keten simulate} writes them. */
    private static byte[] csv(Scenario sc, List<Outcome> outcomes, String mode, String file) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("keten-simulation-");
            SimulationOutput.write(dir, sc, outcomes, mode);
            return Files.readAllBytes(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            StatisticsController.delete(dir);
        }
    }

    private static String text(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw ApiException.badRequest(field, field + ": expected a non-empty string");
        }
        return v.textValue();
    }

    private static long number(ObjectNode body, String field, long defaultValue, long min, long max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiException.badRequest(field, field + ": expected an integer from " + min + " to " + max);
        }
        long n = v.longValue();
        if (n < min || n > max) {
            throw ApiException.badRequest(field, field + ": " + n + " is out of range; allowed: " + min + " to " + max);
        }
        return n;
    }
}
