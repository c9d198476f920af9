package be.keten.server.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's roles: the four agencies, the analysts (aggregates and simulations, never case
 * data) and the administrators (accounts and the audit trail, never case data). What each may do
 * is in {@link Access}, the one table the API, the pages and docs/server.md follow.
 */
public enum Role {
    DVZ, CGVS, RVV, FEDASIL, ANALYST, ADMIN;

    /** The role's name in accounts, URLs and the docs: lower case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Spring Security's authority name for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isAgency() {
        return this == DVZ || this == CGVS || this == RVV || this == FEDASIL;
    }

    public static Optional<Role> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equalsIgnoreCase(code == null ? "" : code.strip())).findFirst();
    }
}
