package be.keten.io.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes one Java type as JSON, derived from the record components of the event records,
 * so no per-event code needs to be kept in step with core. Every read error names the field path.
 */
abstract class ValueCodec {
    private static final Map<Type, ValueCodec> CACHE = new ConcurrentHashMap<>();

    abstract void write(JsonGenerator g, Object value) throws IOException;

    /** Decodes a non-null node found at {@code path}. */
    abstract Object read(JsonNode node, String path);

    static ValueCodec of(Type type) {
        ValueCodec c = CACHE.get(type);
        if (c == null) {
            c = create(type);
            CACHE.putIfAbsent(type, c);
        }
        return c;
    }

    private static ValueCodec create(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return new ListCodec(of(p.getActualTypeArguments()[0]));
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalStateException("no JSON mapping for type " + type);
        }
        if (c == String.class) {
            return new StringCodec();
        } else if (c == int.class || c == Integer.class) {
            return new IntCodec();
        } else if (c == boolean.class || c == Boolean.class) {
            return new BooleanCodec();
        } else if (c == LocalDate.class) {
            return new DateCodec();
        } else if (c.isEnum()) {
            return new EnumCodec(c);
        } else if (c.isRecord()) {
            RecordComponent[] rc = c.getRecordComponents();
            // Identifiers and nationalities wrap one string: written as that string.
            if (rc.length == 1 && rc[0].getType() == String.class) {
                return new WrapperCodec(c);
            }
            return new RecordCodec(c);
        }
        throw new IllegalStateException("no JSON mapping for type " + c.getName());
    }

    static String child(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    static EventFormatException invalid(String path, String detail) {
        return new EventFormatException(path, detail);
    }

    /** Calls a canonical constructor, turning its argument checks into field errors. */
    static Object construct(Constructor<?> ctor, Object[] args, String path, List<String> componentNames) {
        try {
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof IllegalArgumentException || t instanceof NullPointerException) {
                String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
                // Core's messages start with the field they are about ("daysToLeave 400 is outside ...").
                String first = message.split("[ :]", 2)[0];
                String field = componentNames.contains(first) ? child(path, first) : (path == null || path.isEmpty() ? null : path);
                throw new EventFormatException(0, field, message, t);
            }
            throw new IllegalStateException("constructor of " + ctor.getDeclaringClass().getSimpleName() + " failed", t);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + ctor.getDeclaringClass().getName(), e);
        }
    }

    static final class StringCodec extends ValueCodec {
        @Override
        void write(JsonGenerator g, Object value) throws IOException {
            g.writeString((String) value);
        }

        @Override
        Object read(JsonNode node, String path) {
            if (!node.isTextual()) {
                throw invalid(path, "expected a string, found " + kind(node));
            }
            return node.textValue();
        }
    }

    static final class IntCodec extends ValueCodec {
        @Override
        void write(JsonGenerator g, Object value) throws IOException {
            g.writeNumber((Integer) value);
        }

        @Override
        Object read(JsonNode node, String path) {
            if (!node.isIntegralNumber()) {
                throw invalid(path, "expected an integer, found " + (node.isNumber() ? "the number " + node.asText() : kind(node)));
            }
            if (!node.canConvertToInt()) {
                throw invalid(path, "integer " + node.asText() + " is out of range");
            }
            return node.intValue();
        }
    }

    static final class BooleanCodec extends ValueCodec {
        @Override
        void write(JsonGenerator g, Object value) throws IOException {
            g.writeBoolean((Boolean) value);
        }

        @Override
        Object read(JsonNode node, String path) {
            if (!node.isBoolean()) {
                throw invalid(path, "expected true or false, found " + kind(node));
            }
            return node.booleanValue();
        }
    }

    static final class DateCodec extends ValueCodec {
        @Override
        void write(JsonGenerator g, Object value) throws IOException {
            g.writeString(DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value));
        }

        @Override
        Object read(JsonNode node, String path) {
            if (!node.isTextual()) {
                throw invalid(path, "expected a date as a string YYYY-MM-DD, found " + kind(node));
            }
            String text = node.textValue();
            // ISO_LOCAL_DATE alone would also take "+12023-01-01"; the format is exactly four digits of year.
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw invalid(path, "invalid date '" + text + "': expected YYYY-MM-DD");
            }
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                throw invalid(path, "invalid date '" + text + "': expected YYYY-MM-DD (" + e.getMessage().replaceFirst("^Text '[^']*' could not be parsed: ", "") + ")");
            }
        }
    }

    static final class EnumCodec extends ValueCodec {
        private final Map<String, Object> byName = new LinkedHashMap<>();
        private final String type;

        EnumCodec(Class<?> c) {
            for (Object o : c.getEnumConstants()) {
                byName.put(((Enum<?>) o).name(), o);
            }
            type = c.getSimpleName();
        }

        @Override
        void write(JsonGenerator g, Object value) throws IOException {
            g.writeString(((Enum<?>) value).name());
        }

        @Override
        Object read(JsonNode node, String path) {
            if (!node.isTextual()) {
                throw invalid(path, "expected one of " + byName.keySet() + " as a string, found " + kind(node));
            }
            Object v = byName.get(node.textValue());
            if (v == null) {
                throw invalid(path, "unknown " + type + " '" + node.textValue() + "'; expected one of " + byName.keySet());
            }
            return v;
        }
    }

    /** A record of one string, such as an identifier or a nationality: a plain JSON string. */
    static final class WrapperCodec extends ValueCodec {
        private final Method accessor;
        private final Constructor<?> ctor;

        WrapperCodec(Class<?> c) {
            RecordComponent rc = c.getRecordComponents()[0];
            accessor = rc.getAccessor();
            try {
                ctor = c.getDeclaredConstructor(String.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        void write(JsonGenerator g, Object value) throws IOException {
            try {
                g.writeString((String) accessor.invoke(value));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        Object read(JsonNode node, String path) {
            if (!node.isTextual()) {
                throw invalid(path, "expected a string, found " + kind(node));
            }
            try {
                return ctor.newInstance(node.textValue());
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof IllegalArgumentException iae) {
                    throw new EventFormatException(0, path, iae.getMessage(), iae);
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final class ListCodec extends ValueCodec {
        private final ValueCodec element;

        ListCodec(ValueCodec element) {
            this.element = element;
        }

        @Override
        void write(JsonGenerator g, Object value) throws IOException {
            List<?> list = (List<?>) value;
            g.writeStartArray(list, list.size());
            for (Object o : list) {
                element.write(g, o);
            }
            g.writeEndArray();
        }

        @Override
        Object read(JsonNode node, String path) {
            if (!node.isArray()) {
                throw invalid(path, "expected an array, found " + kind(node));
            }
            List<Object> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                String at = path + "[" + i + "]";
                JsonNode n = node.get(i);
                if (n.isNull()) {
                    throw invalid(at, "must not be null");
                }
                out.add(element.read(n, at));
            }
            return out;
        }
    }

    /** A record as a JSON object, fields in declaration order; unknown and missing fields are errors. */
    static final class RecordCodec extends ValueCodec {
        private final Class<?> type;
        private final List<String> names;
        private final Method[] accessors;
        private final ValueCodec[] codecs;
        private final Constructor<?> ctor;

        RecordCodec(Class<?> c) {
            type = c;
            RecordComponent[] rc = c.getRecordComponents();
            names = Arrays.stream(rc).map(RecordComponent::getName).toList();
            accessors = new Method[rc.length];
            codecs = new ValueCodec[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                accessors[i] = rc[i].getAccessor();
                types[i] = rc[i].getType();
            }
            try {
                ctor = c.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
            for (int i = 0; i < rc.length; i++) {
                codecs[i] = of(rc[i].getGenericType());
            }
        }

        List<String> names() {
            return names;
        }

        Class<?> type() {
            return type;
        }

        @Override
        void write(JsonGenerator g, Object value) throws IOException {
            g.writeStartObject();
            writeFields(g, value);
            g.writeEndObject();
        }

        void writeFields(JsonGenerator g, Object value) throws IOException {
            for (int i = 0; i < accessors.length; i++) {
                Object v;
                try {
                    v = accessors[i].invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                g.writeFieldName(names.get(i));
                if (v == null) {
                    g.writeNull();
                } else {
                    codecs[i].write(g, v);
                }
            }
        }

        @Override
        Object read(JsonNode node, String path) {
            if (!node.isObject()) {
                throw invalid(path, "expected " + type.getSimpleName() + " as an object, found " + kind(node));
            }
            return readFields(node, path, List.of());
        }

        /** Reads the components from an object that may also hold the given extra keys (the event's "type"). */
        Object readFields(JsonNode node, String path, List<String> extra) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!names.contains(name) && !extra.contains(name)) {
                    List<String> expected = new ArrayList<>(extra);
                    expected.addAll(names);
                    throw invalid(child(path, name), "unknown field of " + type.getSimpleName() + "; expected " + expected);
                }
            }
            Object[] args = new Object[names.size()];
            for (int i = 0; i < args.length; i++) {
                String at = child(path, names.get(i));
                JsonNode n = node.get(names.get(i));
                if (n == null) {
                    throw invalid(at, "missing required field of " + type.getSimpleName());
                }
                if (n.isNull()) {
                    throw invalid(at, "must not be null");
                }
                args[i] = codecs[i].read(n, at);
            }
            return construct(ctor, args, path, names);
        }
    }
}
