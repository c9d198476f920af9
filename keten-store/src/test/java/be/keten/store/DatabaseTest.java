package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @EngineTest
    void opensMigratedAndReopensWithoutMigrating(Engine engine) {
        String url = engine.freshUrl();
        try (Database first = Database.open(url, null, null)) {
            // V1 event store, V2 append-only triggers, V3 reception network, V4 facilities' target groups, V5 server accounts,
            // V6 projection checkpoints, V7 the audit log's duplicate index dropped.
            assertThat(first.migrationsApplied()).isEqualTo(7);
            assertThat(first.schemaVersion()).isEqualTo("7");
            assertThat(first.dialect()).isEqualTo(engine.dialect());
            new Stack(first).record(Histories.withdrawn(1, java.time.LocalDate.of(2023, 1, 9), "AF"));
        }
        try (Database again = Database.open(url, null, null)) {
            assertThat(again.migrationsApplied()).isZero();
            assertThat(again.schemaVersion()).isEqualTo("7");
            assertThat(new EventStore(again, Stack.CODEC, Histories.CLOCK).count()).isEqualTo(3);
        }
    }

    /** The audit log is indexed by its key once (the primary key, read in either direction) and by subject. */
    @EngineTest
    void theAuditLogIsIndexedByItsKeyOnce(Engine engine) throws java.sql.SQLException {
        try (Database db = Database.open(engine.freshUrl(), null, null); java.sql.Connection c = db.connect()) {
            java.util.Map<String, java.util.List<String>> columnsByIndex = new java.util.TreeMap<>();
            String table = db.dialect() == Dialect.POSTGRESQL ? "audit_log" : "AUDIT_LOG";
            try (java.sql.ResultSet r = c.getMetaData().getIndexInfo(null, db.schema(), table, false, false)) {
                while (r.next()) {
                    if (r.getString("INDEX_NAME") != null) {
                        columnsByIndex.computeIfAbsent(r.getString("INDEX_NAME").toLowerCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>())
                                .add(r.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
            assertThat(columnsByIndex.values()).filteredOn(cols -> cols.equals(java.util.List.of("id"))).hasSize(1);
            assertThat(columnsByIndex).containsKey("audit_log_by_subject").doesNotContainKey("audit_log_by_id_desc");
        }
    }

    @Test
    void createsTheFolderOfAnH2FileDatabase(@TempDir Path dir) {
        Path folder = dir.resolve("keten-data").resolve("nested");
        try (Database db = Database.open("jdbc:h2:file:" + folder.resolve("keten"), null, null)) {
            assertThat(db.dialect()).isEqualTo(Dialect.H2);
        }
        assertThat(Files.exists(folder.resolve("keten.mv.db"))).isTrue();
    }

    @Test
    void refusesOtherEnginesNamingWhatItTakes() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/keten?password=secret", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported database URL 'jdbc:mysql://localhost/keten?password=***': expected an H2 URL"
                        + " (jdbc:h2:file:./keten-data/keten) or a PostgreSQL URL (jdbc:postgresql://host:5432/db)");
    }

    @Test
    void anUnreachableDatabaseIsAStoreErrorWithoutThePassword() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/keten?user=x&password=secret&connectTimeout=2", null, null))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open database jdbc:postgresql://127.0.0.1:1/keten?user=x&password=***&connectTimeout=2: ")
                .hasMessageNotContaining("secret");
    }

    @Test
    void redactsPasswords() {
        assertThat(Database.redact("jdbc:h2:file:./x;USER=sa;PASSWORD=pw")).isEqualTo("jdbc:h2:file:./x;USER=sa;PASSWORD=***");
        assertThat(Database.redact("jdbc:postgresql://h/db?user=u&password=p&ssl=true")).isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
    }
}
