package be.keten.server.security;

import be.keten.store.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The logged-in user of the current request: role, audit actor, and the access checks of {@link Access}. */
@Component
public class CurrentUser {

    /** The user's role; empty for a user without one (an OIDC user with no Keten role claim). */
    public Optional<Role> role() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null) {
            return Optional.empty();
        }
        for (GrantedAuthority g : a.getAuthorities()) {
            for (Role r : Role.values()) {
                if (r.authority().equals(g.getAuthority())) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    public String name() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "anonymous" : a.getName();
    }

    /** The audit actor: the account name and the client's address. */
    public Actor actor(HttpServletRequest request) {
        return new Actor(name(), request.getRemoteAddr());
    }

    public boolean has(Set<Role> allowed) {
        return role().map(allowed::contains).orElse(false);
    }

    /**
     * The user's role if it is one of {@code allowed}.
     *
     * @throws AccessDeniedException (403) naming what the role may not do
     */
    public Role require(Set<Role> allowed, String what) {
        Role r = role().orElseThrow(() -> new AccessDeniedException("your account has no Keten role: it may not " + what));
        if (!allowed.contains(r)) {
            throw new AccessDeniedException("role " + r.code() + " may not " + what);
        }
        return r;
    }
}
