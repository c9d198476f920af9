package be.keten.server.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import be.keten.server.KetenServer;
import be.keten.server.security.AccountService;
import be.keten.server.security.Role;
import be.keten.store.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriUtils;

/**
 * One Spring context for the API tests (cached across classes): an in-memory H2 store, no synthetic
 * data, the examples' scenarios, and one account per role ({@code t-dvz}, {@code t-cgvs}...).
 */
@SpringBootTest(classes = KetenServer.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "keten.db=jdbc:h2:mem:keten-api-test;DB_CLOSE_DELAY=-1",
    "keten.seed=false",
    "keten.scenarios=../examples/scenarios",
    "keten.network=../examples/reception/network-2024.csv"})
@AutoConfigureMockMvc
@Import(ApiTestBase.ServletPath.class)
abstract class ApiTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Role, String> PASSWORDS = new EnumMap<>(Role.class);

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;

    /**
     * MockMvc leaves the servlet path empty; under Tomcat the dispatcher servlet (mapped at "/")
     * gets the whole path, which the security configuration's API matcher reads. Every request of
     * these tests gets it the same way.
     */
    @TestConfiguration
    static class ServletPath {
        @Bean
        MockMvcBuilderCustomizer servletPathAsUnderTomcat() {
            return builder -> builder.defaultRequest(get("/").with(request -> {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                request.setServletPath(UriUtils.decode(path, StandardCharsets.UTF_8));
                return request;
            }));
        }
    }

    static String account(Role role) {
        return "t-" + role.code();
    }

    @BeforeEach
    void accountsPerRole() {
        synchronized (PASSWORDS) {
            if (PASSWORDS.isEmpty()) {
                for (Role r : Role.values()) {
                    PASSWORDS.put(r, accounts.create(account(r), r, Actor.local("test")).password());
                }
            }
        }
    }

    /** HTTP Basic credentials of the test account of {@code role}. */
    static RequestPostProcessor as(Role role) {
        return httpBasic(account(role), PASSWORDS.get(role));
    }

    /** A request from another client address (failed logins there do not throttle the others). */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static JsonNode json(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString());
    }
}
