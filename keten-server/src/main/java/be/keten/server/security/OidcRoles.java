package be.keten.server.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.stereotype.Component;

/**
 * Roles of a user who logs in through the deployment's OpenID Connect provider: the claim named
 * by {@code keten.oidc.role-claim} (default {@code keten_role}) holds one role code, or a list; an
 * unknown code gives no role, so such a user can log in but do nothing.
 */
@Component
public class OidcRoles implements GrantedAuthoritiesMapper {
    private final String claim;

    public OidcRoles(@Value("${keten.oidc.role-claim:keten_role}") String claim) {
        this.claim = claim;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> out = new HashSet<>();
        for (GrantedAuthority a : authorities) {
            if (a instanceof OidcUserAuthority oidc) {
                Object value = oidc.getIdToken().getClaims().get(claim);
                if (value == null && oidc.getUserInfo() != null) {
                    value = oidc.getUserInfo().getClaims().get(claim);
                }
                if (value instanceof Collection<?> many) {
                    many.forEach(v -> Role.of(String.valueOf(v)).ifPresent(r -> out.add(new SimpleGrantedAuthority(r.authority()))));
                } else if (value != null) {
                    Role.of(String.valueOf(value)).ifPresent(r -> out.add(new SimpleGrantedAuthority(r.authority())));
                }
            }
        }
        return out;
    }
}
