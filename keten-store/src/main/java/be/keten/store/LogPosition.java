package be.keten.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How far a projection has read the log: every event with a sequence number up to {@code through},
 * except the numbers in {@code gaps}. A gap is a number that was not visible when the projection
 * read: a transaction still in flight (its event commits later and must still be read) or one
 * rolled back (never filled). Sequence numbers are handed out before commit, so "everything up to
 * the highest number seen" would lose the events of slower transactions.
 */
public record LogPosition(long through, List<Gap> gaps) {
    /** Nothing read yet. */
    public static final LogPosition START = new LogPosition(0, List.of());

    /**
     * A gap is forgotten this long after it was first seen: a transaction cannot stay open that
     * long, so by then the number was rolled back and will never be filled.
     */
    static final Duration GAP_LIFETIME = Duration.ofDays(1);

    /** Sequence numbers {@code first..last}, not visible since {@code seenAt}. */
    public record Gap(long first, long last, Instant seenAt) {
        boolean contains(long seq) {
            return seq >= first && seq <= last;
        }
    }

    public LogPosition {
        gaps = List.copyOf(gaps);
    }

    /** True when the event with this sequence number has been read. */
    public boolean covers(long seq) {
        if (seq > through) {
            return false;
        }
        for (Gap g : gaps) {
            if (g.contains(seq)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What one read of the log saw, beyond what this position covers: the numbers counted (as
     * offsets from {@code through + 1} in {@code beyond}, and those inside old gaps), the numbers
     * seen but not counted (another writer's, during an import: their gaps must stay), and the
     * highest number whose event was recorded more than {@link #GAP_LIFETIME} ago.
     */
    static final class Reading {
        final BitSet beyond = new BitSet();
        final List<Long> inOldGaps = new ArrayList<>();
        final List<Long> notCounted = new ArrayList<>();
        long oldEnough;

        /** Notes an event seen; {@code counted} false when the projection did not take it. */
        void saw(LogPosition from, long seq, Instant recordedAt, Instant limit, boolean counted) {
            if (recordedAt.isBefore(limit)) {
                oldEnough = Math.max(oldEnough, seq);
            }
            if (!counted) {
                notCounted.add(seq);
            } else if (seq > from.through()) {
                long offset = seq - from.through() - 1;
                if (offset > Integer.MAX_VALUE - 1) {
                    throw new StoreException("more than 2^31 sequence numbers past the projection's position " + from.through());
                }
                beyond.set((int) offset);
            } else if (!from.covers(seq)) {
                inOldGaps.add(seq);
            }
        }
    }

    /**
     * The position after {@code r}. A gap is dropped when it has expired ({@link #GAP_LIFETIME}
     * after it was seen) or lies below a number recorded more than that long ago (sequence numbers
     * are handed out in order, so its writer would have been open that long): what is left is
     * rolled back for good. A gap holding a number seen but not counted is always kept.
     */
    LogPosition advance(Reading r, Instant now) {
        List<Gap> left = new ArrayList<>();
        for (Gap g : gaps) {
            boolean pinned = r.notCounted.stream().anyMatch(g::contains);
            if (!pinned && (Duration.between(g.seenAt(), now).compareTo(GAP_LIFETIME) > 0 || g.last() < r.oldEnough)) {
                continue;
            }
            long from = g.first();
            for (long seq : r.inOldGaps.stream().filter(g::contains).sorted().toList()) {
                if (seq > from) {
                    left.add(new Gap(from, seq - 1, g.seenAt()));
                }
                from = seq + 1;
            }
            if (from <= g.last()) {
                left.add(new Gap(from, g.last(), g.seenAt()));
            }
        }
        BitSet beyond = r.beyond;
        int top = beyond.length();   // one past the highest offset counted
        for (int i = beyond.nextClearBit(0); i < top; i = beyond.nextClearBit(i)) {
            int end = beyond.nextSetBit(i);
            Gap g = new Gap(through + 1 + i, through + end, now);
            if (g.last() >= r.oldEnough || r.notCounted.stream().anyMatch(g::contains)) {
                left.add(g);
            }
            i = end;
        }
        return new LogPosition(through + top, left);
    }

    /** The SQL condition on {@code seq} for the events not covered; {@link #bind} fills its parameters. */
    String uncoveredSql() {
        StringBuilder where = new StringBuilder("seq > ?");
        gaps.forEach(g -> where.append(" OR seq BETWEEN ? AND ?"));
        return where.toString();
    }

    void bind(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        int i = 1;
        ps.setLong(i++, through);
        for (Gap g : gaps) {
            ps.setLong(i++, g.first());
            ps.setLong(i++, g.last());
        }
    }

    /** The gaps as stored: {@code first-last@epochSecond}, comma-separated. */
    String gapsText() {
        StringBuilder b = new StringBuilder();
        for (Gap g : gaps) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(g.first()).append('-').append(g.last()).append('@').append(g.seenAt().getEpochSecond());
        }
        return b.toString();
    }

    static LogPosition of(long through, String gapsText) {
        List<Gap> gaps = new ArrayList<>();
        if (!gapsText.isEmpty()) {
            for (String g : gapsText.split(",")) {
                int dash = g.indexOf('-');
                int at = g.indexOf('@');
                gaps.add(new Gap(Long.parseLong(g.substring(0, dash)), Long.parseLong(g.substring(dash + 1, at)),
                        Instant.ofEpochSecond(Long.parseLong(g.substring(at + 1)))));
            }
        }
        return new LogPosition(through, gaps);
    }
}
