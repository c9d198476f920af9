package be.keten.server.web;

import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.server.simulation.SimulationJobs;
import be.keten.sim.Bands;
import be.keten.sim.Indicator;
import be.keten.sim.Outcome;
import be.keten.core.calendar.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The what-if page's polling endpoint: a job's status and progress; the scenario's stock-flow
 * estimate of the page's indicators per month, from submission on; and their p5–p50–p95 bands over
 * the replications finished so far ({@code inBands} of them), which grow into the final bands as the
 * job runs. Only the job's owner sees it.
 */
@RestController
public class WhatIfJobs {
    /** The indicators the page offers (keys of {@link Indicator#key()}), in the order of its menu. */
    public static final List<String> INDICATORS = List.of("cgvs_workload|dossiers", "cgvs_backlog|dossiers", "applications|persons",
            "cgvs_decisions|persons", "protection_rate|dossiers", "rvv_pending|dossiers", "reception_occupancy|persons", "waiting_list|persons",
            "reception_capacity|places", "required_capacity|places");
    public static final String DEFAULT_INDICATOR = INDICATORS.get(0);
    /** Replications a band needs before the page shows it: one alone would draw a band of no width. */
    static final int MIN_IN_BANDS = 2;

    private final SimulationJobs jobs;
    private final CurrentUser user;

    public WhatIfJobs(SimulationJobs jobs, CurrentUser user) {
        this.jobs = jobs;
        this.user = user;
    }

    /** The message key of an indicator's label. */
    public static String messageKey(String indicator) {
        return "indicator." + indicator.replace('|', '.');
    }

    /** Cancels one of the user's own runs, then shows the page again (the form carries a CSRF token). */
    @org.springframework.web.bind.annotation.PostMapping("/what-if/jobs/{id}/cancel")
    public org.springframework.web.servlet.view.RedirectView cancel(@PathVariable String id,
            @org.springframework.web.bind.annotation.RequestParam(value = "a", required = false) String a,
            @org.springframework.web.bind.annotation.RequestParam(value = "b", required = false) String b) {
        user.require(Access.SIMULATORS, "run simulations");
        SimulationJobs.Job job = jobs.find(id).filter(j -> j.owner().equals(user.name()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such job"));
        jobs.cancel(job.id());
        String back = org.springframework.web.util.UriComponentsBuilder.fromPath("/what-if").queryParamIfPresent("a", java.util.Optional.ofNullable(a))
                .queryParamIfPresent("b", java.util.Optional.ofNullable(b)).build().encode().toUriString();
        org.springframework.web.servlet.view.RedirectView view = new org.springframework.web.servlet.view.RedirectView(back, true);
        view.setExposeModelAttributes(false);
        return view;
    }

    @GetMapping(path = "/what-if/jobs/{id}", produces = "application/json")
    public Map<String, Object> job(@PathVariable String id) {
        user.require(Access.SIMULATORS, "run simulations");
        SimulationJobs.Job job = jobs.find(id).filter(j -> j.owner().equals(user.name()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such job"));
        return answer(job);
    }

    /** What the page is told of {@code job} now. */
    public static Map<String, Object> answer(SimulationJobs.Job job) {
        // One reading of the job's state for the whole answer: it changes while the job runs.
        SimulationJobs.Status status = job.status();
        List<Outcome> outcomes = job.outcomes();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", job.id());
        out.put("label", job.label());
        out.put("status", status.name());
        out.put("progress", job.progress(status));
        out.put("replications", job.replications());
        out.put("done", job.replicationsDone());
        if (job.error() != null) {
            out.put("error", job.error());
        }
        List<Period> months = Outcome.months(job.scenario());
        out.put("months", months.stream().map(p -> p.from().toString()).toList());
        List<Indicator> all = Indicator.all();
        Outcome estimate = job.estimate();
        if (estimate != null) {
            Map<String, Object> byKey = new LinkedHashMap<>();
            forEachIndicator((key, index) -> byKey.put(key, Map.of("values", finite(estimate.monthly()[index]), "rate", isRate(all.get(index)))));
            out.put("estimate", byKey);
        }
        // The bands of replications 1 to k once all of them have finished (so the same k gives the same
        // bands), from two on while the job runs; once done, of them all. A failed or cancelled job has none.
        List<Outcome> runs = status == SimulationJobs.Status.DONE && outcomes != null ? outcomes
                : status == SimulationJobs.Status.RUNNING ? job.leading() : List.of();
        if (runs.size() >= MIN_IN_BANDS || status == SimulationJobs.Status.DONE && !runs.isEmpty()) {
            out.put("inBands", runs.size());
            Map<String, Object> series = new LinkedHashMap<>();
            forEachIndicator((key, index) -> {
                List<Double> p5 = new ArrayList<>();
                List<Double> p50 = new ArrayList<>();
                List<Double> p95 = new ArrayList<>();
                for (int m = 0; m < months.size(); m++) {
                    Bands b = Bands.of(runs, false, index, m);
                    p5.add(finite(b.p5()));
                    p50.add(finite(b.p50()));
                    p95.add(finite(b.p95()));
                }
                series.put(key, Map.of("p5", p5, "p50", p50, "p95", p95, "rate", isRate(all.get(index))));
            });
            out.put("series", series);
        }
        return out;
    }

    /** The page's indicators that the engine reports, with their index in {@link Indicator#all()}. */
    private static void forEachIndicator(java.util.function.ObjIntConsumer<String> action) {
        for (String key : INDICATORS) {
            int index = Indicator.indexOf(key);
            if (index >= 0) {
                action.accept(key, index);
            }
        }
    }

    /** Whether the page shows the indicator as a percentage. */
    private static boolean isRate(Indicator indicator) {
        return indicator.unit().equals("rate") || indicator.code().equals("protection_rate");
    }

    private static List<Double> finite(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(finite(v));
        }
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
