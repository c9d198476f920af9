package be.keten.server.api;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.rulebook.Rejection;
import be.keten.io.events.EventCodec;
import be.keten.io.events.EventFormatException;
import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.store.Actor;
import be.keten.store.AuditLog;
import be.keten.store.CaseResult;
import be.keten.store.CaseService;
import be.keten.store.Command;
import be.keten.store.EventStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agencies' commands: one event proposed to the rulebook per request, with an optional
 * idempotency key (safe retries) and expected version (optimistic concurrency). Who may issue
 * which command is {@link Access#commands()}. Every command after the name lookup, accepted or
 * refused, is written to the audit log with its outcome (never the body).
 */
@RestController
@Tag(name = "Commands", description = "The agencies' steps in the chain, checked by the rulebook")
public class CommandController {
    static final int MAX_KEY = 200;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1," + MAX_KEY + "}");
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,9})\"?");

    /** The answer to an accepted command (also to its replays). */
    public record CommandResponse(String dossier, int version, String state, boolean replayed) {
    }

    private final CaseService cases;
    private final EventCodec codec;
    private final AuditLog audit;
    private final CurrentUser user;

    public CommandController(CaseService cases, EventStore store, AuditLog audit, CurrentUser user) {
        this.cases = cases;
        this.codec = store.codec();
        this.audit = audit;
        this.user = user;
    }

    @PostMapping("/api/cases/{dossier}/commands/{command}")
    @Operation(summary = "Issue a command on a dossier",
            description = "The body holds the event's fields (as in the NDJSON event format) without 'type' and 'dossier', which come from"
                    + " the path. 201 when stored, 200 for a replay of an Idempotency-Key, 400 malformed, 403 not your agency's command,"
                    + " 404 unknown command, 409 version conflict or key reused, 422 refused by the rulebook (rule, field and state named).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))))
    public ResponseEntity<CommandResponse> submit(
            @Parameter(description = "dossier id, e.g. D-2023-000001") @PathVariable("dossier") String dossier,
            @Parameter(description = "command name, e.g. register") @PathVariable("command") String command,
            @Parameter(description = "1 to 200 visible ASCII characters; a retry with the same key and body gets the original result")
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @Parameter(description = "the dossier version the command expects (an integer, optionally quoted as an ETag)")
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            HttpServletRequest request) {
        Access.CommandRight right = Access.command(command).orElseThrow(() -> ApiException.notFound("no command named '"
                + Params.clip(command) + "'; the commands are " + Access.commands().stream().map(Access.CommandRight::name).toList()));
        Actor actor = user.actor(request);
        String action = "command." + right.eventType();
        String subject = validDossier(dossier) ? dossier : "(invalid)";
        try {
            user.require(right.roles(), "issue the command '" + right.name() + "'");
        } catch (AccessDeniedException e) {
            audit.record(actor, action, subject, "result=forbidden");
            throw e;
        }
        DossierId id;
        String key;
        Integer expected;
        ChainEvent event;
        try {
            id = Params.dossier("dossier", dossier);
            key = key(idempotencyKey);
            expected = expectedVersion(ifMatch);
            event = event(right, id, Bodies.object(request, false));
        } catch (ApiException | EventFormatException e) {
            audit.record(actor, action, subject, "result=malformed");
            throw e;
        }
        // The outcome is audited by the case service: an accepted command in the transaction that stores it.
        CaseResult result = cases.submit(new Command(id, List.of(event), expected, key), new CaseService.CommandAudit(actor, action));
        if (result instanceof CaseResult.Accepted a) {
            boolean replayed = a.append().replayed();
            int version = a.append().lastVersion();
            CommandResponse body = new CommandResponse(dossier, version, a.append().state().name(), replayed);
            return (replayed ? ResponseEntity.ok() : ResponseEntity.created(URI.create("/api/cases/" + dossier)))
                    .eTag("\"" + version + "\"").body(body);
        }
        if (result instanceof CaseResult.Rejected r) {
            Rejection j = r.rejection();
            throw new ApiException(422, "forbidden-by-rulebook", "Refused by the rulebook", j.message(), j.field())
                    .with("rule", j.rule().name()).with("ruleText", j.rule().text()).with("state", j.state().name())
                    .with("eventType", j.eventType());
        }
        CaseResult.Conflict c = (CaseResult.Conflict) result;
        throw new ApiException(409, "version-conflict", "Version conflict", c.message(), "If-Match")
                .with("expectedVersion", c.expectedVersion()).with("actualVersion", c.actualVersion())
                .header("ETag", "\"" + c.actualVersion() + "\"");
    }

    /** The event: the body's fields with the type and dossier of the path. */
    private ChainEvent event(Access.CommandRight right, DossierId dossier, ObjectNode body) {
        check(body, EventCodec.TYPE_FIELD, right.eventType());
        check(body, "dossier", dossier.value());
        ObjectNode node = Bodies.JSON.createObjectNode();
        node.put(EventCodec.TYPE_FIELD, right.eventType());
        node.put("dossier", dossier.value());
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(EventCodec.TYPE_FIELD) && !name.equals("dossier")) {
                node.set(name, body.get(name));
            }
        }
        return codec.decode(node);
    }

    /** A body may repeat the type or dossier, but only as the path gives them. */
    private static void check(ObjectNode body, String field, String expected) {
        JsonNode v = body.get(field);
        if (v != null && !(v.isTextual() && v.textValue().equals(expected))) {
            throw ApiException.badRequest(field, field + " is given by the path (" + expected + "); leave it out of the body");
        }
    }

    private static String key(String header) {
        if (header == null) {
            return null;
        }
        if (!KEY.matcher(header).matches()) {
            throw ApiException.badRequest("Idempotency-Key", "Idempotency-Key: expected 1 to " + MAX_KEY
                    + " visible ASCII characters (a UUID, for instance)");
        }
        return header;
    }

    private static Integer expectedVersion(String header) {
        if (header == null) {
            return null;
        }
        var m = VERSION.matcher(header.strip());
        if (!m.matches()) {
            throw ApiException.badRequest("If-Match", "If-Match: expected the dossier version the command applies to, e.g. 3 or \"3\"");
        }
        return Integer.valueOf(m.group(1));
    }

    private static boolean validDossier(String value) {
        try {
            DossierId.of(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
