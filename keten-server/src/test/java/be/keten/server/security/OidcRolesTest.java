package be.keten.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class OidcRolesTest {
    private static OidcUserAuthority user(Map<String, Object> claims) {
        Map<String, Object> all = new java.util.HashMap<>(claims);
        all.put("sub", "u-1");
        return new OidcUserAuthority(new OidcIdToken("token", Instant.EPOCH, Instant.EPOCH.plusSeconds(60), all));
    }

    private static List<String> roles(OidcRoles mapper, OidcUserAuthority a) {
        return mapper.mapAuthorities(List.of(a, new SimpleGrantedAuthority("SCOPE_openid"))).stream().map(GrantedAuthority::getAuthority)
                .sorted().toList();
    }

    @Test
    void theRoleClaimGivesTheKetenRoleAndNothingElse() {
        OidcRoles mapper = new OidcRoles("keten_role");
        assertThat(roles(mapper, user(Map.of("keten_role", "cgvs")))).containsExactly("ROLE_CGVS");
        assertThat(roles(mapper, user(Map.of("keten_role", List.of("fedasil", "analyst"))))).containsExactly("ROLE_ANALYST", "ROLE_FEDASIL");
        // An unknown code, or no claim, gives no role: the user can log in but do nothing.
        assertThat(roles(mapper, user(Map.of("keten_role", "judge")))).isEmpty();
        assertThat(roles(mapper, user(Map.of()))).isEmpty();
    }

    @Test
    void theClaimNameIsASetting() {
        assertThat(roles(new OidcRoles("groups"), user(Map.of("groups", List.of("dvz"), "keten_role", "admin")))).containsExactly("ROLE_DVZ");
    }
}
