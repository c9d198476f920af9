package be.keten.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import be.keten.server.security.Role;
import be.keten.store.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Five failed logins block the account name and the address for a while; a disabled account is refused at once. */
class LoginThrottleApiTest extends ApiTestBase {

    @Test
    void fiveFailuresBlockTheAccountAndTheAddressWith429() throws Exception {
        String password = accounts.create("throttled", Role.ANALYST, Actor.local("test")).password();
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.perform(get("/api/me").with(httpBasic("throttled", "wrong-" + i)).with(from("10.79.0.1"))).andReturn()
                    .getResponse().getStatus()).isEqualTo(401);
        }
        // Now even the right password is refused, from that address and from any other.
        MvcResult r = mvc.perform(get("/api/me").with(httpBasic("throttled", password)).with(from("10.79.0.1"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(429);
        assertThat(r.getResponse().getHeader("Retry-After")).isEqualTo("60");
        assertThat(json(r).get("type").asText()).isEqualTo(Problems.type("too-many-requests").toString());
        assertThat(mvc.perform(get("/api/me").with(httpBasic("throttled", password)).with(from("10.79.0.2"))).andReturn().getResponse()
                .getStatus()).isEqualTo(429);
        // Another account from the blocked address is blocked too; from elsewhere it is not.
        assertThat(mvc.perform(get("/api/me").with(as(Role.ANALYST)).with(from("10.79.0.1"))).andReturn().getResponse().getStatus())
                .isEqualTo(429);
        assertThat(mvc.perform(get("/api/me").with(as(Role.ANALYST)).with(from("10.79.0.3"))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void aDisabledAccountIsRefusedEvenRightAfterASuccessfulLogin() throws Exception {
        String password = accounts.create("soon-disabled", Role.FEDASIL, Actor.local("test")).password();
        assertThat(mvc.perform(get("/api/me").with(httpBasic("soon-disabled", password)).with(from("10.78.0.1"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        accounts.setDisabled("soon-disabled", true, Actor.local("test"));
        assertThat(mvc.perform(get("/api/me").with(httpBasic("soon-disabled", password)).with(from("10.78.0.1"))).andReturn().getResponse()
                .getStatus()).isEqualTo(401);
    }
}
