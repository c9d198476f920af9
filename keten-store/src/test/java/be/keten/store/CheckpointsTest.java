package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class CheckpointsTest {
    private static final LocalDate START = LocalDate.of(2023, 3, 1);

    @EngineTest
    void aCheckpointIsStoredAndReadBack(Engine engine) {
        Stack k = new Stack(engine.open());
        Checkpoints checkpoints = new Checkpoints(k.store, Histories.CLOCK);
        assertThat(checkpoints.read("chain-statistics")).isEmpty();
        LogPosition position = new LogPosition(42, List.of(new LogPosition.Gap(7, 9, Histories.CLOCK.instant())));
        byte[] payload = new byte[300_000];
        new java.util.Random(1).nextBytes(payload);
        assertThat(checkpoints.write("chain-statistics", null, position, payload)).isTrue();
        assertThat(checkpoints.write("chain-statistics", null, LogPosition.START, new byte[] {1})).isFalse();   // one already there
        // Replaced only from the position the writer started from: a slower reader does not undo progress.
        LogPosition later = new LogPosition(50, List.of());
        assertThat(checkpoints.write("chain-statistics", position, later, new byte[] {2})).isTrue();
        assertThat(checkpoints.write("chain-statistics", position, new LogPosition(45, List.of()), new byte[] {3})).isFalse();
        assertThat(checkpoints.read("chain-statistics").orElseThrow().position()).isEqualTo(later);
        assertThat(checkpoints.write("chain-statistics", later, position, payload)).isTrue();
        Checkpoints.Checkpoint read = checkpoints.read("chain-statistics").orElseThrow();
        assertThat(read.position()).isEqualTo(position);
        assertThat(read.payload()).isEqualTo(payload);
        assertThat(read.createdAt()).isEqualTo(Histories.CLOCK.instant());
    }

    @EngineTest
    void onlyTheDossiersWithNewEventsAreHandedOverWithTheirWholeHistory(Engine engine) {
        Stack k = new Stack(engine.open());
        Checkpoints checkpoints = new Checkpoints(k.store, Histories.CLOCK);
        List<ChainEvent> first = Histories.recognised(1, START, "AF");
        List<ChainEvent> second = Histories.refused(2, START, "ER");
        k.record(first.subList(0, 4));
        k.record(second);

        Map<DossierId, List<StoredEvent>> all = new LinkedHashMap<>();
        LogPosition p1 = checkpoints.readSince(LogPosition.START, h -> all.put(h.get(0).dossier(), h));
        assertThat(all).containsOnlyKeys(Histories.dossier(1), Histories.dossier(2));
        assertThat(all.get(Histories.dossier(2))).extracting(StoredEvent::version).isSorted().hasSize(second.size());
        assertThat(p1.through()).isEqualTo(k.store.count());
        assertThat(p1.gaps()).isEmpty();
        assertThat(checkpoints.readSince(p1, h -> { throw new AssertionError("nothing is new: " + h); })).isEqualTo(p1);

        k.record(first.subList(4, 6));
        k.record(Histories.toCgvs(3, START, "GN").subList(0, 1));
        Map<DossierId, List<StoredEvent>> since = new LinkedHashMap<>();
        LogPosition p2 = checkpoints.readSince(p1, h -> since.put(h.get(0).dossier(), h));
        assertThat(since).containsOnlyKeys(Histories.dossier(1), Histories.dossier(3));
        List<StoredEvent> one = since.get(Histories.dossier(1));
        assertThat(one).hasSize(6);
        assertThat(one.stream().filter(e -> p1.covers(e.sequence()))).hasSize(4);
        assertThat(one.stream().filter(e -> p2.covers(e.sequence()))).hasSize(6);
        assertThat(p2.through()).isEqualTo(k.store.count());
    }

    /**
     * A writer that took a sequence number but had not committed when the log was read leaves a
     * gap; its event is handed over by the next read, after the later ones that overtook it.
     */
    @EngineTest
    void anEventCommittedLateIsNotLost(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        Checkpoints checkpoints = new Checkpoints(k.store, Histories.CLOCK);
        List<ChainEvent> slow = Histories.toCgvs(1, START, "AF");
        k.record(slow.subList(0, 1));
        LogPosition p0 = checkpoints.readSince(LogPosition.START, h -> { });

        try (Connection c = k.db.connect()) {
            c.setAutoCommit(false);
            insert(c, k, slow.get(1), 2);              // takes the next sequence number, not committed yet
            k.record(Histories.toCgvs(2, START, "ER").subList(0, 2));   // overtakes it
            List<DossierId> seen = new ArrayList<>();
            LogPosition p1 = checkpoints.readSince(p0, h -> seen.add(h.get(0).dossier()));
            assertThat(seen).containsExactly(Histories.dossier(2));
            assertThat(p1.gaps()).hasSize(1);
            assertThat(p1.covers(p0.through() + 1)).isFalse();
            c.commit();

            List<List<StoredEvent>> late = new ArrayList<>();
            LogPosition p2 = checkpoints.readSince(p1, late::add);
            assertThat(late).hasSize(1);
            assertThat(late.get(0)).extracting(StoredEvent::version).containsExactly(1, 2);
            assertThat(late.get(0).stream().filter(e -> !p1.covers(e.sequence()))).extracting(StoredEvent::version).containsExactly(2);
            assertThat(p2.gaps()).isEmpty();
            assertThat(p2.through()).isEqualTo(p1.through());
        }
    }

    /** A number rolled back stays a gap (it might be a slow writer) until no transaction could still hold it. */
    @EngineTest
    void aRolledBackNumberIsAGapUntilItExpires(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        Checkpoints checkpoints = new Checkpoints(k.store, Histories.CLOCK);
        List<ChainEvent> h = Histories.toCgvs(1, START, "AF");
        k.record(h.subList(0, 1));
        try (Connection c = k.db.connect()) {
            c.setAutoCommit(false);
            insert(c, k, h.get(1), 2);
            c.rollback();
        }
        k.record(h.subList(1, 2));
        LogPosition p = checkpoints.readSince(LogPosition.START, x -> { });
        assertThat(p.gaps()).singleElement().satisfies(g -> assertThat(g.first()).isEqualTo(g.last()).isEqualTo(2));
        assertThat(checkpoints.readSince(p, x -> { throw new AssertionError("nothing is new"); })).isEqualTo(p);

        LogPosition.Reading none = new LogPosition.Reading();
        assertThat(p.advance(none, Histories.CLOCK.instant().plus(LogPosition.GAP_LIFETIME)).gaps()).hasSize(1);
        assertThat(p.advance(none, Histories.CLOCK.instant().plus(LogPosition.GAP_LIFETIME).plusSeconds(1)).gaps()).isEmpty();

        // Read again from the start two days later: the hole lies below an event recorded more than a
        // day before, so no writer can still hold it; it is not a gap.
        Checkpoints later = new Checkpoints(k.store, java.time.Clock.offset(Histories.CLOCK, java.time.Duration.ofDays(2)));
        assertThat(later.readSince(LogPosition.START, x -> { }).gaps()).isEmpty();
    }

    /** An import whose projection missed an earlier event of a dossier it continues stores no checkpoint. */
    @EngineTest
    void anImportOnAStaleProjectionLeavesTheCheckpointAlone(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        Checkpoints checkpoints = new Checkpoints(k.store, Histories.CLOCK);
        List<ChainEvent> a = Histories.refused(1, START, "AF");
        k.record(a.subList(0, 3));
        LogPosition before = checkpoints.readSince(LogPosition.START, h -> { });
        assertThat(checkpoints.write("test", null, before, new byte[] {7})).isTrue();
        k.record(a.subList(3, 4));   // another writer, after the projection's position was taken

        StringBuilder file = new StringBuilder();
        a.subList(4, 6).forEach(e -> file.append(Stack.CODEC.encode(e)).append('\n'));
        k.importer.projecting(new Recording(before)).importFrom(new java.io.StringReader(file.toString()), "import");

        Checkpoints.Checkpoint stored = checkpoints.read("test").orElseThrow();
        assertThat(stored.position()).isEqualTo(before);
        assertThat(stored.payload()).containsExactly(7);
        assertThat(k.store.count()).isEqualTo(6);
    }

    /**
     * An import stores the projection's checkpoint in its own transaction, counting its own events
     * as read; an event another writer committed after the projection's position stays unread.
     */
    @EngineTest
    void anImportStoresItsProjectionWithItsEvents(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        Checkpoints checkpoints = new Checkpoints(k.store, Histories.CLOCK);
        List<ChainEvent> a = Histories.refused(1, START, "AF");
        k.record(a.subList(0, 3));
        LogPosition before = checkpoints.readSince(LogPosition.START, h -> { });
        checkpoints.write("test", null, before, new byte[0]);
        k.record(Histories.toCgvs(2, START, "ER").subList(0, 1));   // after the projection's position, not given to it

        Recording projection = new Recording(before);
        StringBuilder file = new StringBuilder();
        a.subList(3, 5).forEach(e -> file.append(Stack.CODEC.encode(e)).append('\n'));
        Histories.toCgvs(3, START, "GN").forEach(e -> file.append(Stack.CODEC.encode(e)).append('\n'));
        k.importer.projecting(projection).importFrom(new java.io.StringReader(file.toString()), "import");

        assertThat(projection.given).startsWith(Histories.dossier(1).value() + "@3>4", Histories.dossier(1).value() + "@4>5");
        Checkpoints.Checkpoint stored = checkpoints.read("test").orElseThrow();
        assertThat(new String(stored.payload(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(String.join(",", projection.given));
        List<DossierId> unread = new ArrayList<>();
        checkpoints.readSince(stored.position(), h -> unread.add(h.get(0).dossier()));
        assertThat(unread).containsExactly(Histories.dossier(2));
    }

    @EngineTest
    void aFailedImportStoresNoCheckpoint(Engine engine) {
        Stack k = new Stack(engine.open());
        Checkpoints checkpoints = new Checkpoints(k.store, Histories.CLOCK);
        ChainEvent lodgedFirst = Histories.toCgvs(1, START, "AF").get(1);   // lodged before registration: refused
        Recording projection = new Recording(LogPosition.START);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> k.importer.projecting(projection)
                .importFrom(new java.io.StringReader(Stack.CODEC.encode(lodgedFirst) + "\n"), "bad")).isInstanceOf(ImportException.class);
        assertThat(checkpoints.read("test")).isEmpty();
        assertThat(k.store.count()).isZero();
    }

    /** A projection that notes what it is given and stores that list as its payload. */
    private static final class Recording implements ImportProjection {
        final List<String> given = new ArrayList<>();
        private final LogPosition position;

        Recording(LogPosition position) {
            this.position = position;
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public LogPosition position() {
            return position;
        }

        @Override
        public void accept(ChainEvent e, be.keten.core.state.DossierState was, be.keten.core.state.DossierState is) {
            given.add(e.dossier().value() + "@" + was.version() + ">" + is.version());
        }

        @Override
        public byte[] payload() {
            return String.join(",", given).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void insert(Connection c, Stack k, ChainEvent e, int version) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(EventStore.INSERT)) {
            EventStore.bindInsert(ps, 1, e, version, k.store.payload(e), Histories.CLOCK.instant());
            ps.executeUpdate();
        }
    }
}
