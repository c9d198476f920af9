package be.keten.server.store;

import be.keten.core.policy.BelgianPolicies;
import be.keten.core.rulebook.Rulebook;
import be.keten.io.events.EventCodec;
import be.keten.server.KetenProperties;
import be.keten.store.Accounts;
import be.keten.store.AuditLog;
import be.keten.store.CaseService;
import be.keten.store.Database;
import be.keten.store.EventStore;
import be.keten.store.Importer;
import be.keten.store.NetworkStore;
import be.keten.store.Projections;
import be.keten.store.Settings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store and the rulebook as beans: the same classes the command line uses, opened once. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean(destroyMethod = "close")
    public Database database(KetenProperties properties) {
        return Database.open(properties.db());
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public Rulebook rulebook() {
        return new Rulebook(BelgianPolicies.book(), Clock.systemDefaultZone());
    }

    @Bean
    public EventStore eventStore(Database db, Clock clock) {
        return new EventStore(db, new EventCodec(), clock);
    }

    @Bean
    public AuditLog auditLog(Database db, Clock clock) {
        return new AuditLog(db, clock);
    }

    @Bean
    public CaseService caseService(EventStore store, Rulebook rulebook, AuditLog audit) {
        return new CaseService(store, rulebook, audit);
    }

    @Bean
    public Projections projections(Database db, AuditLog audit, EventStore store) {
        return new Projections(db, audit, store.codec());
    }

    @Bean
    public Importer importer(EventStore store, Rulebook rulebook) {
        return new Importer(store, rulebook);
    }

    @Bean
    public NetworkStore networkStore(Database db, AuditLog audit) {
        return new NetworkStore(db, audit);
    }

    @Bean
    public Accounts accounts(Database db, Clock clock) {
        return new Accounts(db, clock);
    }

    @Bean
    public Settings settings(Database db) {
        return new Settings(db);
    }
}
