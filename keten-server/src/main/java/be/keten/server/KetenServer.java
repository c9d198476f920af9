package be.keten.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Keten server: REST API under {@code /api}, dashboard pages, access per agency role, audit.
 * The store is opened by {@link be.keten.server.store.StoreConfiguration} (its own pool and
 * migrations), so Spring's data-source and Flyway set-up are off; accounts live in the store, so
 * Spring's generated default user is off too.
 */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@ConfigurationPropertiesScan
public class KetenServer {

    /** Starts the server; {@code args} are Spring properties such as {@code --server.port=8080}. */
    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(KetenServer.class);
        app.setAdditionalProfiles("server");
        return app.run(args);
    }

    public static void main(String[] args) {
        start(args);
    }
}
