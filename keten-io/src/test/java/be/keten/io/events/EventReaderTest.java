package be.keten.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.event.ChainEvent;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventReaderTest {
    private final EventCodec codec = new EventCodec();

    @Test
    void writesAndReadsBackWithLineNumbersSkippingBlankLines() throws IOException {
        StringWriter out = new StringWriter();
        try (EventWriter w = new EventWriter(out, codec)) {
            for (ChainEvent e : Samples.all()) {
                w.write(e);
            }
            assertThat(w.count()).isEqualTo(Samples.all().size());
        }
        String text = "\n" + out.toString().replace("\n{\"type\":\"DublinCheckStarted\"", "\n   \n{\"type\":\"DublinCheckStarted\"");
        List<NumberedEvent> read = new ArrayList<>();
        try (EventReader r = new EventReader(new StringReader(text), codec)) {
            r.forEachRemaining(read::add);
        }
        assertThat(read).extracting(NumberedEvent::event).containsExactlyElementsOf(Samples.all());
        assertThat(read.get(0).line()).isEqualTo(2);
        assertThat(read.get(1).line()).isEqualTo(3);
        assertThat(read.get(2).line()).isEqualTo(5);
    }

    @Test
    void anErrorCarriesItsLineNumber() throws IOException {
        String text = codec.encode(Samples.all().get(0)) + "\n\n{\"type\":\"ApplicationLodged\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-13-01\"}\n";
        try (EventReader r = new EventReader(new StringReader(text), codec)) {
            assertThat(r.next().line()).isEqualTo(1);
            assertThatThrownBy(r::next).isInstanceOfSatisfying(EventFormatException.class, e -> {
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.field()).isEqualTo("date");
                assertThat(e.getMessage()).startsWith("line 3: field 'date': invalid date '2023-13-01'");
            });
        }
    }

    @Test
    void acceptsCrLfAndAByteOrderMark() throws IOException {
        String line = codec.encode(Samples.all().get(1));
        try (EventReader r = new EventReader(new StringReader("\uFEFF" + line + "\r\n" + line + "\r\n"), codec)) {
            assertThat(r.stream().map(NumberedEvent::event).toList()).containsExactly(Samples.all().get(1), Samples.all().get(1));
        }
    }

    /** A million lines generated on the fly: the reader must stream them, not collect them. */
    @Test
    void streamsAMillionLinesWithoutHoldingThem() throws IOException {
        int lines = 1_000_000;
        String line = codec.encode(Samples.all().get(1)) + "\n";
        Reader generated = new Reader() {
            private int emitted;
            private int pos = line.length();

            @Override
            public int read(char[] buf, int off, int len) {
                if (pos == line.length()) {
                    if (emitted == lines) {
                        return -1;
                    }
                    emitted++;
                    pos = 0;
                }
                int n = Math.min(len, line.length() - pos);
                line.getChars(pos, pos + n, buf, off);
                pos += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        long count;
        try (EventReader r = new EventReader(generated, codec)) {
            count = r.stream().count();
            assertThat(r.lineNumber()).isEqualTo(lines);
        }
        assertThat(count).isEqualTo(lines);
    }

    @Test
    void commentLinesAreSkippedButCounted() throws IOException {
        StringWriter out = new StringWriter();
        try (EventWriter w = new EventWriter(out, codec)) {
            w.writeComment("keten synth: assumptions follow");
            w.writeComment("{\"not\": \"an event\"}");
            w.write(Samples.all().get(0));
            assertThat(w.count()).isEqualTo(1);
        }
        assertThat(out.toString()).startsWith("# keten synth: assumptions follow\n# {");
        List<NumberedEvent> read = new ArrayList<>();
        try (EventReader r = new EventReader(new StringReader(out.toString()), codec)) {
            r.forEachRemaining(read::add);
        }
        assertThat(read).extracting(NumberedEvent::event).containsExactly(Samples.all().get(0));
        assertThat(read.get(0).line()).isEqualTo(3);
    }

    @Test
    void aCommentSpansOneLine() {
        EventWriter w = new EventWriter(new StringWriter(), codec);
        assertThatThrownBy(() -> w.writeComment("two\nlines")).isInstanceOf(IllegalArgumentException.class);
    }
}
