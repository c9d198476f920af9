package be.keten.server.web;

import be.keten.core.id.DossierId;
import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.server.security.Role;
import be.keten.store.CaseService;
import be.keten.store.CaseView;
import be.keten.store.DossierSummary;
import be.keten.store.Projections;
import be.keten.store.StoredEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Cases, for the agencies: a dossier by its id, a short filtered listing, and a dossier's timeline
 * with only the events the role sees ({@link Access#sees}). Every listing and every read is audited
 * by the store.
 */
@Controller
public class CasesPage {
    static final int PAGE = 25;

    private final Projections projections;
    private final CaseService cases;
    private final CurrentUser user;

    public CasesPage(Projections projections, CaseService cases, CurrentUser user) {
        this.projections = projections;
        this.cases = cases;
        this.user = user;
    }

    @GetMapping("/cases")
    public String list(@RequestParam(required = false) String dossier, @RequestParam(required = false) String state,
                       @RequestParam(required = false) String nationality, @RequestParam(required = false) String after,
                       @RequestParam(required = false) String list, Model model, HttpServletRequest request) {
        user.require(Access.CASE_READERS, "read case data");
        if (dossier != null && !dossier.isBlank()) {
            Optional<DossierId> id = id(dossier);
            if (id.isPresent()) {
                return "redirect:/cases/" + id.get().value();
            }
            model.addAttribute("badId", dossier.strip());
        }
        model.addAttribute("states", projections.countByState());
        model.addAttribute("state", blank(state));
        model.addAttribute("nationality", blank(nationality));
        boolean listing = list != null || blank(state) != null || blank(nationality) != null || blank(after) != null;
        if (listing) {
            List<DossierSummary> rows = projections.page(new Projections.Filter(blank(state), null,
                    blank(nationality) == null ? null : nationality.strip().toUpperCase(java.util.Locale.ROOT), blank(after)), PAGE + 1,
                    user.actor(request));
            boolean more = rows.size() > PAGE;
            rows = more ? rows.subList(0, PAGE) : rows;
            model.addAttribute("rows", rows);
            model.addAttribute("next", more ? rows.get(rows.size() - 1).dossier().value() : null);
        }
        return "cases";
    }

    @GetMapping("/cases/{id}")
    public String timeline(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
        Role role = user.require(Access.CASE_READERS, "read case data");
        Optional<DossierId> dossier = id(id);
        model.addAttribute("dossier", id);
        if (dossier.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("badId", id);
            return "case";
        }
        Optional<CaseView> view = cases.read(dossier.get(), user.actor(request));
        if (view.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("notFound", true);
            return "case";
        }
        List<StoredEvent> shown = view.get().timeline().stream().filter(e -> Access.sees(role, e.event())).toList();
        model.addAttribute("view", view.get());
        model.addAttribute("events", shown);
        model.addAttribute("hidden", view.get().timeline().size() - shown.size());
        return "case";
    }

    private static Optional<DossierId> id(String text) {
        try {
            return Optional.of(DossierId.of(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
