package be.keten.server.api;

import be.keten.server.security.Access;
import be.keten.server.security.AccountService;
import be.keten.server.security.CurrentUser;
import be.keten.server.security.Role;
import be.keten.store.Accounts;
import be.keten.store.AuditEntry;
import be.keten.store.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration ({@link Access#ADMINISTRATORS}): accounts, whose generated passwords are shown once
 * in the answer that creates or resets them, and the audit trail, newest first.
 */
@RestController
@Tag(name = "Administration", description = "Accounts and the audit trail (administrators only)")
public class AdminController {
    static final int DEFAULT_AUDIT_LIMIT = 100;
    static final int MAX_AUDIT_LIMIT = 1000;

    /** An account without its password hash. */
    public record AccountView(String username, String role, Instant createdAt, boolean disabled) {
        static AccountView of(Accounts.Account a) {
            return new AccountView(a.username(), a.role(), a.createdAt(), a.disabled());
        }
    }

    /** A generated password, shown this once. */
    public record Password(String username, String role, String password) {
    }

    /** A page of the audit trail; {@code next} is the {@code before} of the next (older) page, absent on the last one. */
    public record AuditPage(List<AuditEntry> entries, int limit, Long next) {
    }

    private final AccountService accounts;
    private final AuditLog audit;
    private final CurrentUser user;

    public AdminController(AccountService accounts, AuditLog audit, CurrentUser user) {
        this.accounts = accounts;
        this.audit = audit;
        this.user = user;
    }

    @GetMapping("/api/admin/accounts")
    @Operation(summary = "Every account, by name (never a password or its hash)")
    public List<AccountView> list() {
        user.require(Access.ADMINISTRATORS, "manage accounts");
        return accounts.list().stream().map(AccountView::of).toList();
    }

    @PostMapping("/api/admin/accounts")
    @Operation(summary = "Create an account {username, role}; the 201 answer shows its generated password once",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))))
    public ResponseEntity<Password> create(HttpServletRequest request) {
        user.require(Access.ADMINISTRATORS, "manage accounts");
        ObjectNode body = Bodies.object(request, false);
        Bodies.allowOnly(body, "username", "role");
        String username = string(body, "username");
        if (!Accounts.NAME.matcher(username).matches()) {
            throw ApiException.badRequest("username", "username: 2 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        String code = string(body, "role");
        Role role = Role.of(code).orElseThrow(() -> ApiException.badRequest("role", "role: '" + Params.clip(code) + "' is not one of "
                + Arrays.stream(Role.values()).map(Role::code).toList()));
        if (exists(username)) {
            throw ApiException.conflict("an account named '" + username + "' exists already").with("field", "username");
        }
        AccountService.Created c;
        try {
            c = accounts.create(username, role, user.actor(request));
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict("an account named '" + username + "' exists already").with("field", "username");
        }
        return ResponseEntity.created(URI.create("/api/admin/accounts/" + username)).cacheControl(CacheControl.noStore())
                .body(new Password(username, role.code(), c.password()));
    }

    @PostMapping("/api/admin/accounts/{name}/reset-password")
    @Operation(summary = "Replace an account's password by a generated one, shown once")
    public ResponseEntity<Password> resetPassword(@PathVariable("name") String name, HttpServletRequest request) {
        user.require(Access.ADMINISTRATORS, "manage accounts");
        Accounts.Account a = account(name);
        String password = accounts.resetPassword(a.username(), user.actor(request)).orElseThrow(() -> noAccount(name));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Password(a.username(), a.role(), password));
    }

    @PostMapping("/api/admin/accounts/{name}/disable")
    @Operation(summary = "Disable an account (it can no longer log in); not your own")
    public AccountView disable(@PathVariable("name") String name, HttpServletRequest request) {
        user.require(Access.ADMINISTRATORS, "manage accounts");
        Accounts.Account a = account(name);
        if (a.username().equals(user.name())) {
            throw ApiException.conflict("you cannot disable your own account");
        }
        accounts.setDisabled(a.username(), true, user.actor(request));
        return AccountView.of(account(name));
    }

    @PostMapping("/api/admin/accounts/{name}/enable")
    @Operation(summary = "Enable a disabled account")
    public AccountView enable(@PathVariable("name") String name, HttpServletRequest request) {
        user.require(Access.ADMINISTRATORS, "manage accounts");
        Accounts.Account a = account(name);
        accounts.setDisabled(a.username(), false, user.actor(request));
        return AccountView.of(account(name));
    }

    @GetMapping("/api/admin/audit")
    @Operation(summary = "The audit trail, newest first: before= the previous page's 'next', actor= one account, limit 1-1000 (default 100)")
    public AuditPage audit(@RequestParam(value = "before", required = false) String before,
                           @RequestParam(value = "actor", required = false) String actor,
                           @RequestParam(value = "limit", required = false) String limit) {
        user.require(Access.ADMINISTRATORS, "read the audit trail");
        int n = Params.integer("limit", limit, DEFAULT_AUDIT_LIMIT, 1, MAX_AUDIT_LIMIT);
        Long b = Params.optionalLong("before", before);
        String a = Params.optional(actor);
        if (a != null && a.length() > 200) {
            throw ApiException.badRequest("actor", "actor: at most 200 characters");
        }
        List<AuditEntry> entries = audit.recent(n, b, a);
        Long next = entries.size() == n ? entries.get(entries.size() - 1).id() : null;
        return new AuditPage(entries, n, next);
    }

    private Accounts.Account account(String name) {
        return accounts.list().stream().filter(a -> a.username().equals(name)).findFirst().orElseThrow(() -> noAccount(name));
    }

    private boolean exists(String name) {
        return accounts.list().stream().anyMatch(a -> a.username().equalsIgnoreCase(name));
    }

    private static ApiException noAccount(String name) {
        return ApiException.notFound("no account '" + Params.clip(name) + "'");
    }

    private static String string(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw ApiException.badRequest(field, field + " is required");
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(field, field + ": expected a string");
        }
        return v.textValue().strip();
    }
}
