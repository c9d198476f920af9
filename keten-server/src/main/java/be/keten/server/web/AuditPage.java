package be.keten.server.web;

import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.store.AuditEntry;
import be.keten.store.AuditLog;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail, newest first, a page at a time, optionally of one account: for administrators. */
@Controller
public class AuditPage {
    static final int PAGE = 50;
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(java.time.ZoneOffset.UTC);

    /** An entry with its time written out (UTC). */
    public record Row(AuditEntry entry, String at) {
    }

    private final AuditLog audit;
    private final CurrentUser user;

    public AuditPage(AuditLog audit, CurrentUser user) {
        this.audit = audit;
        this.user = user;
    }

    @GetMapping("/audit")
    public String audit(@RequestParam(required = false) Long before, @RequestParam(required = false) String actor, Model model) {
        user.require(Access.ADMINISTRATORS, "read the audit trail");
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        List<AuditEntry> entries = audit.recent(PAGE + 1, before, who);
        boolean more = entries.size() > PAGE;
        entries = more ? entries.subList(0, PAGE) : entries;
        model.addAttribute("entries", entries.stream().map(e -> new Row(e, TIME.format(e.at()))).toList());
        model.addAttribute("actor", who);
        model.addAttribute("before", before);
        model.addAttribute("next", more ? entries.get(entries.size() - 1).id() : null);
        return "audit";
    }
}
