package be.keten.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.app.cli.KetenCli;
import be.keten.server.security.SecurityConfiguration;
import be.keten.store.Accounts;
import be.keten.store.AuditEntry;
import be.keten.store.AuditLog;
import be.keten.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AccountCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = KetenCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("keten");
    }

    @Test
    void anAccountIsCreatedWithAGeneratedPasswordThatOnlyItsHashKeeps() {
        assertThat(run("account", "add", "dvz.clerk", "--role", "dvz", "--db", db(), "--as", "ops")).isZero();
        String password = out.toString().replaceAll("(?s).*password: (\\S+).*", "$1");
        assertThat(password).hasSize(20);
        try (Database d = Database.open(db())) {
            Accounts.Account a = new Accounts(d, Clock.systemUTC()).find("dvz.clerk").orElseThrow();
            assertThat(a.role()).isEqualTo("dvz");
            assertThat(a.passwordHash()).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$").doesNotContain(password);
            assertThat(SecurityConfiguration.passwords().matches(password, a.passwordHash())).isTrue();
            assertThat(new AuditLog(d, Clock.systemUTC()).entries("account:dvz.clerk")).extracting(AuditEntry::actor, AuditEntry::action)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ops", "account.create"));
        }
    }

    @Test
    void anUnknownRoleATakenNameAndAMissingAccountAreRefused() {
        assertThat(run("account", "add", "x1", "--role", "judge", "--db", db())).isEqualTo(1);
        assertThat(err.toString()).contains("--role judge is not a role; one of dvz, cgvs, rvv, fedasil, analyst, admin");
        assertThat(run("account", "add", "x1", "--role", "analyst", "--db", db())).isZero();
        assertThat(run("account", "add", "x1", "--role", "analyst", "--db", db())).isEqualTo(2);
        assertThat(err.toString()).contains("user name 'x1' is taken");
        assertThat(run("account", "reset-password", "nobody", "--db", db())).isEqualTo(4);
        assertThat(run("account", "disable", "x1", "--db", db())).isZero();
        assertThat(run("account", "list", "--db", db())).isZero();
        assertThat(out.toString()).containsPattern("x1\\s+analyst\\s+\\S+\\s+disabled");
    }
}
