package be.keten.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.store.Accounts;
import be.keten.store.AuditLog;
import be.keten.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class FirstAdminTest {

    @Test
    void theFirstStartCreatesAdminWithAGeneratedPasswordShownOnceAndKeptOnlyAsAHash() {
        try (Database db = Database.open("jdbc:h2:mem:first-admin;DB_CLOSE_DELAY=-1")) {
            Clock clock = Clock.systemUTC();
            Accounts accounts = new Accounts(db, clock);
            AccountService service = new AccountService(accounts, SecurityConfiguration.passwords(), new AuditLog(db, clock), new CredentialCache());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new FirstAdmin(service, new PrintStream(out, true, StandardCharsets.UTF_8)).run(null);
            String printed = out.toString(StandardCharsets.UTF_8);
            String password = printed.lines().map(String::strip).filter(l -> l.matches("[A-Za-z0-9]{20}")).findFirst().orElseThrow();

            Accounts.Account admin = accounts.find(FirstAdmin.NAME).orElseThrow();
            assertThat(admin.role()).isEqualTo("admin");
            assertThat(admin.passwordHash()).contains("$argon2id$").doesNotContain(password);
            assertThat(SecurityConfiguration.passwords().matches(password, admin.passwordHash())).isTrue();

            // The second start finds an account and prints nothing: no password is ever shown twice.
            out.reset();
            new FirstAdmin(service, new PrintStream(out, true, StandardCharsets.UTF_8)).run(null);
            assertThat(out.size()).isZero();
            assertThat(accounts.count()).isEqualTo(1);
        }
    }
}
