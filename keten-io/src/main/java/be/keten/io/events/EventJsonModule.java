package be.keten.io.events;

import be.keten.core.event.ChainEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Lets any {@code ObjectMapper} (e.g. a REST layer's) read and write events in exactly the NDJSON
 * form, without annotations on core's records.
 */
public final class EventJsonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    public EventJsonModule(EventCodec codec) {
        super("keten-events");
        addSerializer(ChainEvent.class, new Serializer(codec));
        addDeserializer(ChainEvent.class, new Deserializer(codec));
    }

    private static final class Serializer extends StdSerializer<ChainEvent> {
        private static final long serialVersionUID = 1L;
        private final transient EventCodec codec;

        Serializer(EventCodec codec) {
            super(ChainEvent.class);
            this.codec = codec;
        }

        @Override
        public void serialize(ChainEvent value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            codec.write(gen, value);
        }
    }

    private static final class Deserializer extends StdDeserializer<ChainEvent> {
        private static final long serialVersionUID = 1L;
        private final transient EventCodec codec;

        Deserializer(EventCodec codec) {
            super(ChainEvent.class);
            this.codec = codec;
        }

        @Override
        public ChainEvent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            try {
                return codec.decode(node);
            } catch (EventFormatException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }
}
