package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

class AccountsTest {

    @EngineTest
    void accountsAreCreatedFoundDisabledAndTheirNamesAreUnique(Engine engine) {
        Stack k = new Stack(engine.open());
        Accounts accounts = new Accounts(k.db, Histories.CLOCK);
        assertThat(accounts.count()).isZero();
        accounts.create("admin", "$argon2id$hash-1", "admin");
        accounts.create("dvz.clerk-1", "$argon2id$hash-2", "dvz");

        assertThat(accounts.find("dvz.clerk-1")).get().extracting(Accounts.Account::role, Accounts.Account::disabled)
                .containsExactly("dvz", false);
        assertThat(accounts.list()).extracting(Accounts.Account::username).containsExactly("admin", "dvz.clerk-1");
        assertThatThrownBy(() -> accounts.create("admin", "x", "analyst")).hasMessage("user name 'admin' is taken");
        assertThatThrownBy(() -> accounts.create("bad name", "x", "analyst")).hasMessageStartingWith("user name 'bad name' is not allowed");

        assertThat(accounts.setDisabled("dvz.clerk-1", true)).isTrue();
        assertThat(accounts.setPasswordHash("admin", "$argon2id$hash-3")).isTrue();
        assertThat(accounts.setPasswordHash("nobody", "x")).isFalse();
        assertThat(accounts.find("dvz.clerk-1")).get().extracting(Accounts.Account::disabled).isEqualTo(true);
        assertThat(accounts.find("admin")).get().extracting(Accounts.Account::passwordHash).isEqualTo("$argon2id$hash-3");
        assertThat(accounts.count()).isEqualTo(2);
    }

    @EngineTest
    void theAuditTrailKeepsWhereAnActionCameFromAndPagesNewestFirst(Engine engine) {
        Stack k = new Stack(engine.open());
        k.audit.record(new Actor("cgvs.officer", "203.0.113.9"), "case.read", "D-2023-000001", null);
        k.audit.record("analyst", "events.export", AuditLog.ALL, "from=start to=end");
        k.audit.record(new Actor("cgvs.officer", "203.0.113.9"), "command.InterviewHeld", "D-2023-000001", "version=3");

        List<AuditEntry> latest = k.audit.recent(2, null, null);
        assertThat(latest).extracting(AuditEntry::action).containsExactly("command.InterviewHeld", "events.export");
        assertThat(latest).extracting(AuditEntry::origin).containsExactly("203.0.113.9", Actor.COMMAND_LINE);
        assertThat(k.audit.recent(10, latest.get(1).id(), null)).extracting(AuditEntry::action).containsExactly("case.read");
        assertThat(k.audit.recent(10, null, "analyst")).singleElement().extracting(AuditEntry::detail).isEqualTo("from=start to=end");
    }

    @EngineTest
    void aSettingHasOneValueThatCanBeReplaced(Engine engine) {
        Stack k = new Stack(engine.open());
        Settings settings = new Settings(k.db);
        assertThat(settings.get(Settings.DATASET)).isEmpty();
        settings.put(Settings.DATASET, "synthetic 2022-01..2023-12");
        settings.put(Settings.DATASET, "synthetic 2022-01..2023-12, seed 7");
        assertThat(settings.get(Settings.DATASET)).contains("synthetic 2022-01..2023-12, seed 7");
    }
}
