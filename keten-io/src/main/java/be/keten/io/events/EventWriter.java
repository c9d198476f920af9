package be.keten.io.events;

import be.keten.core.event.ChainEvent;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;

/** Writes events as NDJSON: one line per event, each ended by a single {@code \n} whatever the platform. */
public final class EventWriter implements Closeable, Flushable {
    private final Writer out;
    private final EventCodec codec;
    private long count;

    public EventWriter(Writer out, EventCodec codec) {
        this.out = out;
        this.codec = codec;
    }

    public void write(ChainEvent event) throws IOException {
        writeLine(codec.encode(event));
    }

    /** Writes a line already in the codec's form (e.g. a payload kept by the store). */
    public void writeLine(String json) throws IOException {
        out.write(json);
        out.write('\n');
        count++;
    }

    /**
     * Writes a comment line ({@code # text}), which {@link EventReader} skips; not counted as an event.
     *
     * @throws IllegalArgumentException if the text spans lines
     */
    public void writeComment(String text) throws IOException {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a comment is one line");
        }
        out.write(EventReader.COMMENT);
        if (!text.isEmpty()) {
            out.write(' ');
            out.write(text);
        }
        out.write('\n');
    }

    public long count() {
        return count;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
