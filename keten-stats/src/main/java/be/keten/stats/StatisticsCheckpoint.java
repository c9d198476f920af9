package be.keten.stats;

import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Sex;
import be.keten.core.procedure.DecisionType;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.PlaceType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The aggregates of a {@link ChainStatistics} as bytes, so that a store can keep them as a
 * projection and a report need not fold the whole event log again. Only counts and dated changes
 * are written, no dossier states: whoever continues from a checkpoint resumes the dossiers that
 * have new events with {@link ChainStatistics#resume}. Enum constants are written by name, so a
 * checkpoint written before a constant was added still reads.
 */
public final class StatisticsCheckpoint {
    /**
     * Changes whenever what the statistics count changes (a new aggregate, a different rule of
     * counting): a checkpoint of another definition is not read but recomputed.
     */
    public static final int DEFINITION = 1;
    private static final int MAGIC = 0x4B534331; // "KSC1"

    private StatisticsCheckpoint() {
    }

    /** The aggregates, gzip-compressed. */
    public static byte[] write(ChainStatistics s) {
        if (!s.countsResidentProfiles()) {
            throw new IllegalArgumentException("statistics without the residents' profiles cannot be checkpointed: restored, they would lack them");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(DEFINITION);
            out.writeBoolean(s.parameters().suspendedInWorkload());
            out.writeBoolean(s.first != null);
            if (s.first != null) {
                MONTH.write(out, s.first);
                MONTH.write(out, s.last);
            }
            out.writeLong(s.dossierCount);
            writeMap(out, s.applications, MONTH, (o, byColumn) -> writeMap(o, byColumn, TEXT, (o2, byNat) -> writeMap(o2, byNat, NATIONALITY, LONG)));
            writeMap(out, s.decisions, MONTH, (o, byUnit) -> writeMap(o, byUnit, UNIT, (o2, byNat) -> writeMap(o2, byNat, NATIONALITY,
                    (o3, tally) -> writeMap(o3, tally.asMap(), DECISION, LONG))));
            writeSeries(out, s.workload, UNIT);
            writeMap(out, s.appeals, MONTH, (o, byRole) -> writeMap(o, byRole, ROLE, StatisticsCheckpoint::writeLongs));
            writeMap(out, s.judgments, MONTH, (o, byRole) -> writeMap(o, byRole, ROLE, (o2, byOutcome) -> writeMap(o2, byOutcome, OUTCOME, LONG)));
            writeSeries(out, s.rvvPending, UNIT);
            writeMap(out, s.receptionIn, MONTH, LONG);
            writeMap(out, s.receptionOut, MONTH, (o, byReason) -> writeMap(o, byReason, REASON, LONG));
            writeSeries(out, s.occupancyByType, PLACE_TYPE);
            writeSeries(out, s.occupancyByFacility, TEXT);
            writeSeries(out, s.waitingList, UNIT);
            writeSeries(out, s.sponsored, UNIT);
            writeSeries(out, s.residents, RESIDENT);
            writeMap(out, s.stays, YEAR, StatisticsCheckpoint::writeLongs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Statistics holding the checkpoint's aggregates and no dossier state.
     *
     * @throws IllegalArgumentException if the bytes are not a checkpoint of this {@link #DEFINITION}
     *         made with the same choice of counting suspended files in the workload
     */
    public static ChainStatistics read(byte[] checkpoint, StatisticsParameters parameters) {
        ChainStatistics s = new ChainStatistics(parameters);
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(checkpoint), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != DEFINITION) {
                throw new IllegalArgumentException("not a statistics checkpoint of definition " + DEFINITION);
            }
            if (in.readBoolean() != parameters.suspendedInWorkload()) {
                throw new IllegalArgumentException("checkpoint counted suspended files differently");
            }
            if (in.readBoolean()) {
                s.first = MONTH.read(in);
                s.last = MONTH.read(in);
            }
            s.dossierCount = in.readLong();
            readMap(in, s.applications, MONTH, i -> readMap(i, new TreeMap<>(), TEXT, i2 -> readMap(i2, new HashMap<>(), NATIONALITY, LONG)));
            readMap(in, s.decisions, MONTH, i -> readMap(i, new EnumMap<>(Unit.class), UNIT, i2 -> readMap(i2, new HashMap<>(), NATIONALITY, i3 -> {
                DecisionTally t = new DecisionTally();
                readMap(i3, new EnumMap<>(DecisionType.class), DECISION, LONG).forEach(t::add);
                return t;
            })));
            readSeries(in, s.workload, UNIT);
            readMap(in, s.appeals, MONTH, i -> readMap(i, new EnumMap<>(LanguageRole.class), ROLE, StatisticsCheckpoint::readLongs));
            readMap(in, s.judgments, MONTH, i -> readMap(i, new EnumMap<>(LanguageRole.class), ROLE,
                    i2 -> readMap(i2, new EnumMap<>(JudgmentOutcome.class), OUTCOME, LONG)));
            readSeries(in, s.rvvPending, UNIT);
            readMap(in, s.receptionIn, MONTH, LONG);
            readMap(in, s.receptionOut, MONTH, i -> readMap(i, new EnumMap<>(LeaveReason.class), REASON, LONG));
            readSeries(in, s.occupancyByType, PLACE_TYPE);
            readSeries(in, s.occupancyByFacility, TEXT);
            readSeries(in, s.waitingList, UNIT);
            readSeries(in, s.sponsored, UNIT);
            readSeries(in, s.residents, RESIDENT);
            readMap(in, s.stays, YEAR, StatisticsCheckpoint::readLongs);
            if (in.read() != -1) {
                throw new IllegalArgumentException("statistics checkpoint has trailing bytes");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable statistics checkpoint: " + e.getMessage(), e);
        }
        return s;
    }

    // ---- how each kind of key and value is written -----------------------------------------

    private interface Writer<T> {
        void write(DataOutput out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInput in) throws IOException;
    }

    /** Writes and reads one kind of key or value. */
    private interface Codec<T> extends Writer<T>, Reader<T> {
    }

    private static <T> Codec<T> codec(Writer<T> w, Reader<T> r) {
        return new Codec<>() {
            @Override
            public void write(DataOutput out, T value) throws IOException {
                w.write(out, value);
            }

            @Override
            public T read(DataInput in) throws IOException {
                return r.read(in);
            }
        };
    }

    private static <E extends Enum<E>> Codec<E> enumCodec(Class<E> type) {
        return codec((o, v) -> o.writeUTF(v.name()), i -> Enum.valueOf(type, i.readUTF()));
    }

    private static final Codec<YearMonth> MONTH = codec((o, m) -> o.writeInt(m.getYear() * 12 + m.getMonthValue() - 1),
            i -> {
                int n = i.readInt();
                return YearMonth.of(Math.floorDiv(n, 12), Math.floorMod(n, 12) + 1);
            });
    private static final Codec<Integer> YEAR = codec(DataOutput::writeInt, DataInput::readInt);
    private static final Codec<Long> LONG = codec(DataOutput::writeLong, DataInput::readLong);
    private static final Codec<String> TEXT = codec(DataOutput::writeUTF, DataInput::readUTF);
    private static final Codec<Nationality> NATIONALITY = codec((o, n) -> o.writeUTF(n.code()), i -> Nationality.of(i.readUTF()));
    private static final Codec<Unit> UNIT = enumCodec(Unit.class);
    private static final Codec<DecisionType> DECISION = enumCodec(DecisionType.class);
    private static final Codec<LanguageRole> ROLE = enumCodec(LanguageRole.class);
    private static final Codec<JudgmentOutcome> OUTCOME = enumCodec(JudgmentOutcome.class);
    private static final Codec<LeaveReason> REASON = enumCodec(LeaveReason.class);
    private static final Codec<PlaceType> PLACE_TYPE = enumCodec(PlaceType.class);
    private static final Codec<Sex> SEX = enumCodec(Sex.class);
    private static final Codec<ResidentCategory> CATEGORY = enumCodec(ResidentCategory.class);
    private static final Codec<Resident> RESIDENT = codec((o, r) -> {
        o.writeBoolean(r.family());
        SEX.write(o, r.sex());
        o.writeInt(r.yearOfBirth());
        NATIONALITY.write(o, r.nationality());
        CATEGORY.write(o, r.category());
    }, i -> new Resident(i.readBoolean(), SEX.read(i), i.readInt(), NATIONALITY.read(i), CATEGORY.read(i)));

    private static void writeLongs(DataOutput out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    private static long[] readLongs(DataInput in) throws IOException {
        long[] values = new long[count(in)];
        for (int k = 0; k < values.length; k++) {
            values[k] = in.readLong();
        }
        return values;
    }

    /**
     * The entries in the order of their keys' bytes: the same aggregates then give the same
     * checkpoint in every run, whereas a hash map's order follows hash codes that differ from run to
     * run (an enum's, a record's with enum components). The order read back does not matter.
     */
    private static <K, V> void writeMap(DataOutput out, Map<K, V> map, Writer<K> keys, Writer<V> values) throws IOException {
        out.writeInt(map.size());
        List<Encoded<V>> entries = new ArrayList<>(map.size());
        for (Map.Entry<K, V> e : map.entrySet()) {
            ByteArrayOutputStream key = new ByteArrayOutputStream();
            keys.write(new DataOutputStream(key), e.getKey());
            entries.add(new Encoded<>(key.toByteArray(), e.getValue()));
        }
        entries.sort((x, y) -> Arrays.compareUnsigned(x.key(), y.key()));
        for (Encoded<V> e : entries) {
            out.write(e.key());
            values.write(out, e.value());
        }
    }

    private record Encoded<V>(byte[] key, V value) {
    }

    private static <K, V, M extends Map<K, V>> M readMap(DataInput in, M into, Reader<K> keys, Reader<V> values) throws IOException {
        for (int n = count(in); n > 0; n--) {
            into.put(keys.read(in), values.read(in));
        }
        return into;
    }

    /** Per key, its changes as a map of epoch day to sum, in day order. */
    private static <K> void writeSeries(DataOutput out, StockSeries<K> series, Writer<K> keys) throws IOException {
        writeMap(out, series.changes, keys, (o, c) -> {
            int n = c.size();
            o.writeInt(n);
            for (int i = 0; i < n; i++) {
                o.writeInt(c.day(i));
                o.writeLong(c.sum(i));
            }
        });
    }

    private static <K> void readSeries(DataInput in, StockSeries<K> series, Reader<K> keys) throws IOException {
        readMap(in, series.changes, keys, i -> {
            StockSeries.Changes c = new StockSeries.Changes();
            for (int n = count(i); n > 0; n--) {
                c.add(i.readInt(), i.readLong());
            }
            return c;
        });
    }

    private static int count(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative count " + n);
        }
        return n;
    }
}
