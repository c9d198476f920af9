package be.keten.io.events;

import be.keten.core.event.ChainEvent;
import be.keten.core.event.EventTypes;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NDJSON form of a {@link ChainEvent}: one JSON object, {@code "type"} first (the record's
 * simple name), then the record's components in declaration order. Identifiers and nationalities
 * are plain strings, dates {@code YYYY-MM-DD}, enums by name, persons objects. The output for an
 * event is always the same text, in ASCII (other characters escaped), so exports can be compared
 * byte for byte whatever the platform's charset.
 *
 * <p>The mapping is read off the records themselves, so core carries no Jackson annotations and a
 * new event type needs no code here. Instances are immutable and thread-safe.
 */
public final class EventCodec {
    public static final String TYPE_FIELD = "type";
    private static final List<String> TYPE_ONLY = List.of(TYPE_FIELD);

    private final Map<String, ValueCodec.RecordCodec> byName = new LinkedHashMap<>();
    private final JsonFactory factory;
    private final ObjectMapper mapper;

    public EventCodec() {
        for (Map.Entry<String, Class<? extends ChainEvent>> e : EventTypes.byName().entrySet()) {
            byName.put(e.getKey(), (ValueCodec.RecordCodec) ValueCodec.of(e.getValue()));
        }
        mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // ASCII only: the same bytes whatever charset a file or terminal is written in.
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                .build();
        factory = mapper.getFactory();
    }

    /** The event as one line of JSON, without the line break. */
    public String encode(ChainEvent event) {
        StringWriter w = new StringWriter(160);
        try (JsonGenerator g = factory.createGenerator(w)) {
            write(g, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Writes the event as a JSON object to a generator (used by {@link EventJsonModule}). */
    public void write(JsonGenerator g, ChainEvent event) throws IOException {
        ValueCodec.RecordCodec codec = byName.get(event.type());
        if (codec == null || codec.type() != event.getClass()) {
            throw new IllegalArgumentException("not a registered event type: " + event.getClass().getName());
        }
        g.writeStartObject();
        g.writeStringField(TYPE_FIELD, event.type());
        codec.writeFields(g, event);
        g.writeEndObject();
    }

    /**
     * Reads one event from a line of JSON.
     *
     * @throws EventFormatException naming the field at fault and what is wrong with it
     */
    public ChainEvent decode(String json) {
        if (json == null || json.isBlank()) {
            throw new EventFormatException(null, "empty line: expected a JSON object with a \"type\"");
        }
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
        return decode(node);
    }

    /** Reads one event from a parsed JSON object. */
    public ChainEvent decode(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new EventFormatException(null, "expected a JSON object, found " + (node == null ? "nothing" : ValueCodec.kind(node)));
        }
        JsonNode type = node.get(TYPE_FIELD);
        if (type == null) {
            throw new EventFormatException(TYPE_FIELD, "missing event type; known types: " + knownTypes());
        }
        if (!type.isTextual()) {
            throw new EventFormatException(TYPE_FIELD, "expected the event type as a string, found " + ValueCodec.kind(type)
                    + "; known types: " + knownTypes());
        }
        ValueCodec.RecordCodec codec = byName.get(type.textValue());
        if (codec == null) {
            throw new EventFormatException(TYPE_FIELD, "unknown event type '" + type.textValue() + "'; known types: " + knownTypes());
        }
        return (ChainEvent) codec.readFields(node, "", TYPE_ONLY);
    }

    /** The type names this codec reads and writes, in the order of {@link EventTypes#byName()}. */
    public List<String> knownTypes() {
        return List.copyOf(byName.keySet());
    }

    ObjectMapper mapper() {
        return mapper;
    }

    static EventFormatException malformed(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        // Jackson appends source locations and hints on further lines; keep the first sentence.
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        msg = msg.replaceAll("\\s*\\(start marker at \\[[^\\]]*\\]\\)", "").trim();
        String column = e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? "" : " at column " + e.getLocation().getColumnNr();
        return new EventFormatException(0, null, "malformed JSON" + column + ": " + msg, e);
    }
}
