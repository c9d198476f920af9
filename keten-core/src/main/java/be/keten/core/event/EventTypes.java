package be.keten.core.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The concrete event records by their type name, read off the sealed hierarchy so no list is kept by hand. */
public final class EventTypes {
    private static final Map<String, Class<? extends ChainEvent>> BY_NAME = collect();

    private EventTypes() {
    }

    public static Map<String, Class<? extends ChainEvent>> byName() {
        return BY_NAME;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends ChainEvent>> collect() {
        List<Class<?>> out = new ArrayList<>();
        walk(ChainEvent.class, out);
        Map<String, Class<? extends ChainEvent>> m = new LinkedHashMap<>();
        for (Class<?> c : out) {
            m.put(c.getSimpleName(), (Class<? extends ChainEvent>) c);
        }
        return Collections.unmodifiableMap(m);
    }

    private static void walk(Class<?> c, List<Class<?>> out) {
        if (c.isRecord()) {
            out.add(c);
        }
        Class<?>[] subs = c.getPermittedSubclasses();
        if (subs != null) {
            for (Class<?> s : subs) {
                walk(s, out);
            }
        }
    }
}
