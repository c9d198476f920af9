package be.keten.server.web;

import be.keten.core.reception.PlaceType;
import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.server.simulation.Levers;
import be.keten.server.simulation.ScenarioCatalog;
import be.keten.server.simulation.SimulationJobs;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What-if: two scenarios (A and B), each a scenario file with the main levers changed, run as
 * simulation jobs and compared side by side with their p5–p95 bands ({@link WhatIfJobs} is polled
 * by the page's script).
 */
@Controller
public class WhatIfPage {
    private final ScenarioCatalog catalog;
    private final SimulationJobs jobs;
    private final CurrentUser user;
    private final MessageSource messages;

    public WhatIfPage(ScenarioCatalog catalog, SimulationJobs jobs, CurrentUser user, MessageSource messages) {
        this.catalog = catalog;
        this.jobs = jobs;
        this.user = user;
        this.messages = messages;
    }

    /** An indicator of the page's menu and summary: its key and the message key of its label. */
    public record IndicatorOption(String key, String messageKey) {
    }

    /** A job shown on the page, if it is the user's. */
    public record Shown(String side, SimulationJobs.Job job) {
    }

    @GetMapping("/what-if")
    public String page(@RequestParam(required = false) String a, @RequestParam(required = false) String b, Model model) {
        user.require(Access.SIMULATORS, "run simulations");
        WhatIfForm form = model.containsAttribute("form") ? (WhatIfForm) model.getAttribute("form") : defaults();
        List<Shown> shown = new ArrayList<>();
        mine(a).ifPresent(j -> shown.add(new Shown("A", j)));
        mine(b).ifPresent(j -> shown.add(new Shown("B", j)));
        fill(model, form);
        model.addAttribute("shown", shown);
        model.addAttribute("jobA", shown.stream().filter(s -> s.side().equals("A")).map(s -> s.job().id()).findFirst().orElse(null));
        model.addAttribute("jobB", shown.stream().filter(s -> s.side().equals("B")).map(s -> s.job().id()).findFirst().orElse(null));
        model.addAttribute("recent", jobs.list().stream().filter(j -> j.owner().equals(user.name())).limit(10).toList());
        return "what-if";
    }

    @PostMapping("/what-if")
    public String run(@ModelAttribute("form") WhatIfForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        user.require(Access.SIMULATORS, "run simulations");
        List<String> errors = new ArrayList<>();
        binding.getFieldErrors().forEach(e -> errors.add(msg("whatif.error.field", e.getField())));
        if (form.getHorizon() < 1 || form.getHorizon() > 120) {
            errors.add(msg("whatif.error.horizon"));
        }
        if (form.getReplications() < 1 || form.getReplications() > WhatIfForm.MAX_REPLICATIONS) {
            errors.add(msg("whatif.error.replications", WhatIfForm.MAX_REPLICATIONS));
        }
        Scenario sa = errors.isEmpty() ? scenario("A", form.getA(), form.getHorizon(), errors) : null;
        Scenario sb = errors.isEmpty() ? scenario("B", form.getB(), form.getHorizon(), errors) : null;
        if (!errors.isEmpty() || sa == null || sb == null) {
            fill(model, form);
            model.addAttribute("errors", errors);
            model.addAttribute("shown", List.of());
            model.addAttribute("recent", List.of());
            return "what-if";
        }
        SimulationJobs.Job ja = jobs.submit(user.name(), "A: " + label(form.getA()), sa, form.getReplications(), form.getSeed());
        SimulationJobs.Job jb = jobs.submit(user.name(), "B: " + label(form.getB()), sb, form.getReplications(), form.getSeed());
        redirect.addFlashAttribute("form", form);
        redirect.addAttribute("a", ja.id());
        redirect.addAttribute("b", jb.id());
        return "redirect:/what-if";
    }

    private Scenario scenario(String side, WhatIfForm.Side s, int horizon, List<String> errors) {
        Optional<ScenarioCatalog.Entry> entry = catalog.scenario(s.getScenario() == null ? "" : s.getScenario());
        if (entry.isEmpty()) {
            errors.add(msg("whatif.error.scenario", side));
            return null;
        }
        List<Path> policies = new ArrayList<>();
        for (String id : s.getPolicies()) {
            Optional<ScenarioCatalog.Entry> p = catalog.policy(id);
            if (p.isEmpty()) {
                errors.add(msg("whatif.error.policy", side, id));
                return null;
            }
            policies.add(p.get().path());
        }
        try {
            Levers levers = new Levers(s.getInflowScale(), s.getOfficers(), s.getExtraPlaces(), s.getPlaceType(), s.getBufferPlaces(), policies,
                    horizon);
            return levers.apply(catalog.read(entry.get()));
        } catch (IllegalArgumentException | ScenarioException e) {
            errors.add(side + ": " + e.getMessage());
            return null;
        }
    }

    private static String label(WhatIfForm.Side s) {
        String name = s.getScenario().replaceFirst("^.*/", "").replaceFirst("\\.ya?ml$", "");
        List<String> parts = new ArrayList<>();
        if (s.getInflowScale() != 1.0) {
            parts.add("inflow ×" + s.getInflowScale());
        }
        if (s.getOfficers() != null) {
            parts.add(s.getOfficers() + " FTE");
        }
        if (s.getExtraPlaces() > 0) {
            parts.add("+" + s.getExtraPlaces() + " places");
        }
        if (s.getBufferPlaces() > 0) {
            parts.add("+" + s.getBufferPlaces() + " buffer");
        }
        if (!s.getPolicies().isEmpty()) {
            parts.add(s.getPolicies().size() + " policy file(s)");
        }
        return parts.isEmpty() ? name : name + " (" + String.join(", ", parts) + ")";
    }

    private WhatIfForm defaults() {
        WhatIfForm f = new WhatIfForm();
        List<ScenarioCatalog.Entry> all = catalog.scenarios();
        String first = all.stream().map(ScenarioCatalog.Entry::id).filter(id -> id.endsWith("baseline-2025.yaml")).findFirst()
                .orElse(all.isEmpty() ? null : all.get(0).id());
        f.getA().setScenario(first);
        f.getB().setScenario(first);
        f.getB().setInflowScale(1.2);
        return f;
    }

    private void fill(Model model, WhatIfForm form) {
        model.addAttribute("form", form);
        model.addAttribute("scenarios", catalog.scenarios());
        model.addAttribute("policies", catalog.policies());
        model.addAttribute("placeTypes", PlaceType.values());
        model.addAttribute("indicators", WhatIfJobs.INDICATORS.stream().map(k -> new IndicatorOption(k, WhatIfJobs.messageKey(k))).toList());
        model.addAttribute("maxReplications", WhatIfForm.MAX_REPLICATIONS);
    }

    private Optional<SimulationJobs.Job> mine(String id) {
        return id == null || id.isBlank() ? Optional.empty() : jobs.find(id).filter(j -> j.owner().equals(user.name()));
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
