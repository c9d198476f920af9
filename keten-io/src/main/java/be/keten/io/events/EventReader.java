package be.keten.io.events;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads NDJSON events one line at a time, so a file of any length is never held in memory. Blank
 * lines and comment lines (first character {@code #}, e.g. the assumptions a generator writes at the
 * top of its file) are skipped but counted, so line numbers match what an editor shows. A bad line
 * throws an {@link EventFormatException} carrying its line number.
 */
public final class EventReader implements Iterator<NumberedEvent>, Closeable {
    /** First character of a comment line; a JSON event always starts with '{'. */
    public static final char COMMENT = '#';

    private final BufferedReader in;
    private final EventCodec codec;
    private long lineNumber;
    private NumberedEvent next;
    private boolean done;

    public EventReader(Reader reader, EventCodec codec) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.codec = codec;
    }

    /** Opens a UTF-8 file. */
    public static EventReader open(Path file, EventCodec codec) throws IOException {
        return new EventReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), codec);
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1); // a byte-order mark some editors write
                }
                if (line.isBlank() || line.charAt(0) == COMMENT) {
                    continue;
                }
                try {
                    next = new NumberedEvent(lineNumber, codec.decode(line));
                } catch (EventFormatException e) {
                    throw e.atLine(lineNumber);
                }
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading line " + (lineNumber + 1), e);
        }
        done = true;
        return false;
    }

    @Override
    public NumberedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        NumberedEvent e = next;
        next = null;
        return e;
    }

    /** Number of the last line read. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The remaining events as a sequential stream; closing the stream closes the reader. */
    public Stream<NumberedEvent> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
