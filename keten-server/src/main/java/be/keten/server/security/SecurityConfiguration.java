package be.keten.server.security;

import be.keten.server.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Login and page protection. People log in with a form (a session that expires, CSRF tokens on
 * every form); agency systems send HTTP Basic credentials with each API request (no session, so no
 * CSRF either). Which role may do what is decided per endpoint from {@link Access}; here every
 * page and API path only requires a login. Pages get a strict content-security policy: scripts,
 * styles and charts come from the server itself.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
            + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final RequestMatcher API = request -> request.getServletPath().startsWith("/api/");
    private static final RequestMatcher HAS_CREDENTIALS = request -> request.getHeader("Authorization") != null;
    /** An API request without a session cookie carries no ambient credentials to forge: it gets 401, not a CSRF 403. */
    private static final RequestMatcher API_WITHOUT_SESSION = request -> API.matches(request) && request.getRequestedSessionId() == null;

    @Bean
    public PasswordEncoder passwordEncoder() {
        return passwords();
    }

    /** Argon2id, with the algorithm's id in each stored hash so parameters can change later. */
    public static PasswordEncoder passwords() {
        String id = "argon2@SpringSecurity_v5_8";
        return new DelegatingPasswordEncoder(id, Map.of(id, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http, AccountService accounts, PasswordEncoder encoder, CredentialCache cache,
                                           LoginThrottle throttle, ObjectProvider<ClientRegistrationRepository> oidc, OidcRoles oidcRoles)
            throws Exception {
        AuthenticationEntryPoint apiEntry = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"keten\"");
            Problems.write(response, 401, "Unauthenticated", "log in, or send HTTP Basic credentials of a Keten account", null);
        };
        AccessDeniedHandler pageDenied = new AccessDeniedHandlerImpl();
        AccessDeniedHandler denied = (request, response, e) -> {
            if (API.matches(request)) {
                Problems.write(response, 403, "Forbidden for your role", e.getMessage() == null ? "not allowed for your role" : e.getMessage(),
                        null);
            } else {
                pageDenied.handle(request, response, e);
            }
        };
        http.authenticationProvider(new CachingAuthenticationProvider(accounts, encoder, cache))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/api/openapi", "/api/openapi/**", "/api/openapi.yaml").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
                .httpBasic(b -> b.authenticationEntryPoint(apiEntry))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .csrf(c -> c.ignoringRequestMatchers(HAS_CREDENTIALS, API_WITHOUT_SESSION))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(apiEntry, API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .accessDeniedHandler(denied))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login").userInfoEndpoint(u -> u.userAuthoritiesMapper(oidcRoles)));
        }
        return http.build();
    }

    /**
     * Spring Security's observations are off ({@code management.observations.enable.spring.security=false}):
     * then its filter chain need not wrap every filter of every request in an observation that
     * records nothing (a measurable cost per command, docs/benchmarks.md). With the property on,
     * the observing chain stays.
     */
    @Bean
    @ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
    public static BeanPostProcessor unobservedSecurityFilterChain() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof FilterChainProxy chain) {
                    chain.setFilterChainDecorator(new FilterChainProxy.VirtualFilterChainDecorator());
                }
                return bean;
            }
        };
    }

    /** A URL the firewall refuses (encoded slashes, ';', '//'…) is a malformed request: 400 problem+json like any other. */
    @Bean
    public org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> Problems.write(response, 400, "Malformed request",
                "the URL is not allowed: it contains a character sequence the server refuses (such as ';', '//' or an encoded '/')", null);
    }

    /** Whether a request is an API request (problem+json errors) rather than a page. */
    public static boolean isApi(HttpServletRequest request) {
        return API.matches(request);
    }
}
