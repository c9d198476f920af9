package be.keten.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dashboard's messages: Dutch and French have every key of the English fallback, and the templates use only known keys. */
class MessagesTest {
    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/be/keten/server/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Properties stats(String lang) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/be/keten/stats/report/messages_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryKey() throws Exception {
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        assertEquals(en, new TreeSet<>(load("messages_nl.properties").stringPropertyNames()), "nl");
        assertEquals(en, new TreeSet<>(load("messages_fr.properties").stringPropertyNames()), "fr");
        assertTrue(load("messages_en.properties").isEmpty(), "English lives in the fallback bundle");
    }

    @Test
    void noPlainApostrophes() throws Exception {
        for (String f : new String[] {"messages.properties", "messages_nl.properties", "messages_fr.properties"}) {
            load(f).forEach((k, v) -> assertTrue(!v.toString().contains("'"), f + " " + k + ": write ’, not '"));
        }
    }

    @Test
    void templatesUseKnownKeys() throws Exception {
        Set<String> known = new TreeSet<>(load("messages.properties").stringPropertyNames());
        known.addAll(stats("en").stringPropertyNames());
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    assertTrue(known.contains(m.group(1)), f + " uses unknown message " + m.group(1));
                }
            }
        }
    }
}
