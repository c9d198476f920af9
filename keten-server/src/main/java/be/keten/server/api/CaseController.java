package be.keten.server.api;

import be.keten.core.id.DossierId;
import be.keten.core.person.Nationality;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.procedure.Track;
import be.keten.core.rulebook.Deadline;
import be.keten.io.events.EventCodec;
import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.server.security.Role;
import be.keten.store.CaseService;
import be.keten.store.CaseView;
import be.keten.store.DossierSummary;
import be.keten.store.EventStore;
import be.keten.store.Projections;
import be.keten.store.StoredEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case data for the agencies ({@link Access#CASE_READERS}): one dossier with the part of its timeline
 * the caller's role sees ({@link Access#sees}), and pages of the dossier listing. Every read is
 * audited by the store before any data is loaded.
 */
@RestController
@Tag(name = "Cases", description = "A dossier with its timeline and deadlines; listings with filters and paging (agencies only)")
public class CaseController {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /** A dossier's row of the listing. */
    public record Summary(String dossier, int version, String state, String nationality, String application, String applicationType,
                          int applications, String languageRole, String track, int persons, LocalDate registeredOn,
                          LocalDate transferredOn, String lastDecision, LocalDate decidedOn, LocalDate notifiedOn, String heldStatus,
                          int placed, int waiting, LocalDate lastEventDate) {
        static Summary of(DossierSummary s) {
            return new Summary(s.dossier().value(), s.version(), s.state(), s.nationality(), s.application(), s.applicationType(),
                    s.applications(), s.languageRole(), s.track(), s.persons(), s.registeredOn(), s.transferredOn(), s.lastDecision(),
                    s.decidedOn(), s.notifiedOn(), s.heldStatus(), s.placed(), s.waiting(), s.lastEventDate());
        }
    }

    /** One event of the timeline: its version, when it was stored, and the event in the NDJSON event format. */
    public record TimelineEntry(int version, Instant recordedAt, String type, LocalDate date, JsonNode event) {
    }

    /** A dossier as its reader sees it. */
    public record Case(String dossier, int version, String state, Summary summary, List<TimelineEntry> timeline, List<Deadline> deadlines) {
    }

    /** A page of the listing; {@code next} is the {@code after} of the next page, absent on the last one. */
    public record Page(List<Summary> items, int limit, String next) {
    }

    private final CaseService cases;
    private final Projections projections;
    private final EventCodec codec;
    private final CurrentUser user;

    public CaseController(CaseService cases, Projections projections, EventStore store, CurrentUser user) {
        this.cases = cases;
        this.projections = projections;
        this.codec = store.codec();
        this.user = user;
    }

    @GetMapping("/api/cases/{dossier}")
    @Operation(summary = "A dossier: state, timeline (the events your role sees) and deadlines; audited")
    public ResponseEntity<Case> read(@PathVariable("dossier") String dossier, HttpServletRequest request) {
        Role role = user.require(Access.CASE_READERS, "read case data");
        DossierId id = Params.dossier("dossier", dossier);
        CaseView view = cases.read(id, user.actor(request)).orElseThrow(() -> ApiException.notFound("no dossier " + id.value()));
        List<TimelineEntry> timeline = view.timeline().stream().filter(e -> Access.sees(role, e.event())).map(this::entry).toList();
        DossierSummary s = DossierSummary.of(view.state());
        Case body = new Case(id.value(), view.state().version(), view.state().state().name(), Summary.of(s), timeline, view.deadlines());
        return ResponseEntity.ok().eTag("\"" + view.state().version() + "\"").body(body);
    }

    @GetMapping("/api/cases")
    @Operation(summary = "Dossiers in id order, filtered by state, track and nationality; 'after' is the previous page's 'next'; audited")
    public Page list(@RequestParam(value = "state", required = false) String state,
                     @RequestParam(value = "track", required = false) String track,
                     @RequestParam(value = "nationality", required = false) String nationality,
                     @RequestParam(value = "after", required = false) String after,
                     @RequestParam(value = "limit", required = false) String limit,
                     HttpServletRequest request) {
        user.require(Access.CASE_READERS, "read case data");
        int n = Params.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        String st = enumName("state", Params.optional(state), ProcedureState.class);
        String tr = enumName("track", Params.optional(track), Track.class);
        String nat = Params.optional(nationality);
        if (nat != null) {
            try {
                nat = Nationality.of(nat).code();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("nationality", "nationality: '" + Params.clip(nat) + "' is not a nationality code (ISO 3166 alpha-2)");
            }
        }
        String aft = Params.optional(after) == null ? null : Params.dossier("after", after.strip()).value();
        List<DossierSummary> rows = projections.page(new Projections.Filter(st, tr, nat, aft), n, user.actor(request));
        String next = rows.size() == n ? rows.get(rows.size() - 1).dossier().value() : null;
        return new Page(rows.stream().map(Summary::of).toList(), n, next);
    }

    private TimelineEntry entry(StoredEvent e) {
        try {
            return new TimelineEntry(e.version(), e.recordedAt(), e.type(), e.date(), Bodies.JSON.readTree(codec.encode(e.event())));
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static <E extends Enum<E>> String enumName(String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        for (E c : type.getEnumConstants()) {
            if (c.name().equalsIgnoreCase(value)) {
                return c.name();
            }
        }
        throw ApiException.badRequest(field, field + ": '" + Params.clip(value) + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
