package be.keten.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import be.keten.server.security.Access;
import be.keten.server.security.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every role against every endpoint of the API: allowed (anything but 401/403) or forbidden (403
 * problem+json), the allowed roles taken from {@link Access}. Allowed calls are made with inputs
 * that stop early (an unknown dossier, an invalid name) so nothing heavy runs.
 */
class RoleMatrixTest extends ApiTestBase {
    /** Any logged-in user, whatever the role. */
    static final Set<Role> ANYONE = EnumSet.allOf(Role.class);

    /** One endpoint: method, a concrete URL, a body, the mapping it exercises and the roles allowed. */
    record Endpoint(HttpMethod method, String pattern, String url, String body, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + url;
        }
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> e = new ArrayList<>();
        String nobody = "D-MATRIX-NOBODY";
        e.add(new Endpoint(HttpMethod.GET, "/api/cases/{dossier}", "/api/cases/" + nobody, null, Access.CASE_READERS));
        e.add(new Endpoint(HttpMethod.GET, "/api/cases", "/api/cases?limit=1", null, Access.CASE_READERS));
        e.add(new Endpoint(HttpMethod.GET, "/api/statistics", "/api/statistics", null, Access.AGGREGATE_READERS));
        e.add(new Endpoint(HttpMethod.GET, "/api/statistics/monthly", "/api/statistics/monthly?month=2023-01", null, Access.AGGREGATE_READERS));
        e.add(new Endpoint(HttpMethod.GET, "/api/statistics/annual", "/api/statistics/annual?year=2023", null, Access.AGGREGATE_READERS));
        e.add(new Endpoint(HttpMethod.GET, "/api/statistics/reception", "/api/statistics/reception?year=2023", null, Access.AGGREGATE_READERS));
        e.add(new Endpoint(HttpMethod.GET, "/api/statistics/tables", "/api/statistics/tables?from=2023-01&to=2023-01&format=json", null,
                Access.AGGREGATE_READERS));
        e.add(new Endpoint(HttpMethod.GET, "/api/reports/{kind}", "/api/reports/monthly?month=2023-01&format=json", null,
                Access.AGGREGATE_READERS));
        e.add(new Endpoint(HttpMethod.POST, "/api/simulations", "/api/simulations", "{\"scenario\":\"no-such-scenario.yaml\"}", Access.SIMULATORS));
        e.add(new Endpoint(HttpMethod.GET, "/api/simulations", "/api/simulations", null, Access.SIMULATORS));
        e.add(new Endpoint(HttpMethod.GET, "/api/simulations/{id}", "/api/simulations/no-such-job", null, Access.SIMULATORS));
        e.add(new Endpoint(HttpMethod.GET, "/api/simulations/{id}/results", "/api/simulations/no-such-job/results", null, Access.SIMULATORS));
        e.add(new Endpoint(HttpMethod.GET, "/api/simulations/{id}/estimate", "/api/simulations/no-such-job/estimate", null, Access.SIMULATORS));
        e.add(new Endpoint(HttpMethod.DELETE, "/api/simulations/{id}", "/api/simulations/no-such-job", null, Access.SIMULATORS));
        e.add(new Endpoint(HttpMethod.GET, "/api/admin/accounts", "/api/admin/accounts", null, Access.ADMINISTRATORS));
        e.add(new Endpoint(HttpMethod.POST, "/api/admin/accounts", "/api/admin/accounts", "{\"username\":\"x\",\"role\":\"dvz\"}",
                Access.ADMINISTRATORS));
        e.add(new Endpoint(HttpMethod.POST, "/api/admin/accounts/{name}/reset-password", "/api/admin/accounts/no-such-account/reset-password",
                null, Access.ADMINISTRATORS));
        e.add(new Endpoint(HttpMethod.POST, "/api/admin/accounts/{name}/disable", "/api/admin/accounts/no-such-account/disable", null,
                Access.ADMINISTRATORS));
        e.add(new Endpoint(HttpMethod.POST, "/api/admin/accounts/{name}/enable", "/api/admin/accounts/no-such-account/enable", null,
                Access.ADMINISTRATORS));
        e.add(new Endpoint(HttpMethod.GET, "/api/admin/audit", "/api/admin/audit?limit=1", null, Access.ADMINISTRATORS));
        e.add(new Endpoint(HttpMethod.GET, "/api/build", "/api/build", null, ANYONE));
        e.add(new Endpoint(HttpMethod.GET, "/api/me", "/api/me", null, ANYONE));
        // Every command of the access table, with an empty body (allowed roles get a 400 for the missing fields).
        for (Access.CommandRight c : Access.commands()) {
            e.add(new Endpoint(HttpMethod.POST, "/api/cases/{dossier}/commands/{command}", "/api/cases/D-MATRIX-0001/commands/" + c.name(), "{}",
                    c.roles()));
        }
        return e;
    }

    static Stream<Arguments> everyRoleAndEndpoint() {
        return endpoints().stream().flatMap(e -> Stream.of(Role.values()).map(r -> Arguments.of(e, r)));
    }

    private MockHttpServletRequestBuilder call(Endpoint e) {
        MockHttpServletRequestBuilder b = request(e.method(), e.url());
        if (e.body() != null) {
            b.contentType(MediaType.APPLICATION_JSON).content(e.body());
        }
        return b;
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("everyRoleAndEndpoint")
    void roleIsAllowedOrForbiddenAsTheAccessTableSays(Endpoint e, Role role) throws Exception {
        MvcResult r = mvc.perform(call(e).with(as(role))).andReturn();
        int status = r.getResponse().getStatus();
        if (e.allowed().contains(role)) {
            assertThat(status).as("%s as %s", e, role).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(status).as("%s as %s", e, role).isEqualTo(403);
            assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            var p = json(r);
            assertThat(p.get("type").asText()).isEqualTo(Problems.type("forbidden-for-role").toString());
            assertThat(p.get("status").asInt()).isEqualTo(403);
            assertThat(p.get("detail").asText()).contains("role " + role.code() + " may not");
        }
    }

    static Stream<Endpoint> everyEndpoint() {
        return endpoints().stream();
    }

    @ParameterizedTest(name = "anonymous {0}")
    @MethodSource("everyEndpoint")
    void withoutCredentialsEveryEndpointIs401(Endpoint e) throws Exception {
        MvcResult r = mvc.perform(call(e)).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(401);
        assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(r.getResponse().getHeader("WWW-Authenticate")).startsWith("Basic");
        assertThat(json(r).get("type").asText()).isEqualTo(Problems.type("unauthenticated").toString());
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The table above covers every mapping of the API: a new endpoint must be added to it. */
    @Test
    void theTableCoversEveryApiEndpoint() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") && !pattern.startsWith("/api/openapi") && !pattern.startsWith("/api/docs")) {
                    info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
                }
            }
        }
        Set<String> tested = new TreeSet<>();
        endpoints().forEach(e -> tested.add(e.method().name() + " " + e.pattern()));
        assertThat(tested).containsExactlyElementsOf(mapped);
        assertThat(endpoints().stream().filter(e -> e.pattern().endsWith("{command}"))).hasSize(Access.commands().size());
    }
}
