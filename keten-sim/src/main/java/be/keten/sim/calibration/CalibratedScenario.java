package be.keten.sim.calibration;

import be.keten.sim.calibration.Calibrator.Calibration;
import be.keten.sim.calibration.Calibrator.Setting;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a calibrated scenario: the base scenario's YAML with the calibration's settings put in, each
 * key commented — {@code CALIBRATED from <file> <period>: value}, {@code INPUT …}, {@code SET …} or
 * {@code FROM BASE} — and the base's relative paths (policy files, network file) rewritten relative to
 * the new file. The result is read by {@code ScenarioFile}.
 */
public final class CalibratedScenario {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]*");
    private static final Pattern NUMBERISH = Pattern.compile("[-+]?(\\.?[0-9][0-9_.eE+-]*|\\.inf|\\.nan)|0x.*|0o.*", Pattern.CASE_INSENSITIVE);
    private static final List<String> RESERVED = List.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");
    private static final int WIDTH = 110;

    private CalibratedScenario() {
    }

    /** The YAML text: a header, then the base's keys in the base's order (new keys appended), each commented. */
    public static String render(Path baseFile, Path outFile, Calibration cal, List<String> header) throws IOException {
        JsonNode root = YAML.readTree(baseFile.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(baseFile + ": not a YAML mapping of scenario keys");
        }
        ObjectNode tree = (ObjectNode) root;
        Path baseDir = baseFile.toAbsolutePath().getParent();
        Path outDir = outFile.toAbsolutePath().getParent();
        List<Setting> settings = new ArrayList<>(cal.settings());
        // paths of the base, made relative to the new file
        JsonNode pf = tree.get("policy_files");
        if (pf != null && pf.isArray()) {
            ArrayNode moved = JSON.arrayNode();
            pf.forEach(p -> moved.add(relative(baseDir, outDir, p.asText())));
            settings.add(new Setting("policy_files", moved, "FROM BASE (" + pf + " of " + baseFile.getFileName() + ", path relative to this file)"));
        }
        JsonNode rc = tree.get("reception");
        if (rc != null && rc.has("network_file")) {
            settings.add(new Setting("reception.network_file", JSON.textNode(relative(baseDir, outDir, rc.get("network_file").asText())),
                    "FROM BASE (path relative to this file)"));
        }
        for (Setting s : settings) {
            put(tree, s.path(), s.value());
        }
        StringBuilder b = new StringBuilder();
        for (String h : header) {
            for (String line : h.split("\n", -1)) {
                b.append(line.isEmpty() ? "#" : "# " + line).append('\n');
            }
        }
        emitObject(b, tree, "", 0, settings);
        return b.toString();
    }

    public static void write(Path baseFile, Path outFile, Calibration cal, List<String> header) throws IOException {
        String text = render(baseFile, outFile, cal, header);
        Path tmp = outFile.resolveSibling(outFile.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, outFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String relative(Path baseDir, Path outDir, String p) {
        Path abs = baseDir.resolve(p).normalize();
        try {
            return outDir.relativize(abs).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }

    // ---- setting values by path ------------------------------------------------------------------

    /** Segments: {@code key} or {@code key[field=value]} (the list item whose field has that value). */
    private static void put(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode cur = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            int br = part.indexOf('[');
            if (br > 0) {
                String key = part.substring(0, br);
                String[] sel = part.substring(br + 1, part.length() - 1).split("=");
                JsonNode list = cur.get(key);
                JsonNode item = null;
                if (list != null && list.isArray()) {
                    for (JsonNode it : list) {
                        if (it.has(sel[0]) && it.get(sel[0]).asText().equals(sel[1])) {
                            item = it;
                        }
                    }
                }
                if (item == null) {
                    throw new IllegalArgumentException("the base scenario has no " + key + " item with " + sel[0] + " " + sel[1]);
                }
                cur = item;
                continue;
            }
            ObjectNode obj = (ObjectNode) cur;
            if (last) {
                obj.set(part, value);
            } else {
                if (!obj.has(part) || !obj.get(part).isObject()) {
                    obj.set(part, JSON.objectNode());
                }
                cur = obj.get(part);
            }
        }
    }

    // ---- emitting ---------------------------------------------------------------------------------

    private static Setting exact(List<Setting> settings, String path) {
        for (Setting s : settings) {
            if (s.path().equals(path)) {
                return s;
            }
        }
        return null;
    }

    private static boolean below(List<Setting> settings, String path) {
        for (Setting s : settings) {
            if (s.path().startsWith(path + ".") || s.path().startsWith(path + "[")) {
                return true;
            }
        }
        return false;
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static void comment(StringBuilder b, int indent, String text) {
        String pad = " ".repeat(indent);
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && pad.length() + 2 + line.length() + 1 + word.length() > WIDTH) {
                b.append(pad).append("# ").append(line).append('\n');
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        b.append(pad).append("# ").append(line).append('\n');
    }

    /** Keys of a mapping: comment, then the value; descends where settings lie below (comments on the parts). */
    private static void emitObject(StringBuilder b, ObjectNode obj, String path, int indent, List<Setting> settings) {
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = child(path, e.getKey());
            Setting s = exact(settings, p);
            boolean descend = s == null && below(settings, p);
            if (s != null) {
                comment(b, indent, s.comment());
            } else if (!descend) {
                comment(b, indent, "FROM BASE");
            }
            emitValue(b, e.getKey(), e.getValue(), p, indent, settings, descend, s == null ? Map.of() : s.children());
        }
    }

    private static void emitValue(StringBuilder b, String key, JsonNode v, String path, int indent, List<Setting> settings, boolean descend,
                                  Map<String, String> childComments) {
        String pad = " ".repeat(indent);
        String k = key(key);
        if (!descend && childComments.isEmpty()) {
            String flow = flow(v);
            if (flow != null && pad.length() + k.length() + 2 + flow.length() <= WIDTH) {
                b.append(pad).append(k).append(": ").append(flow).append('\n');
                return;
            }
        }
        if (v.isObject()) {
            b.append(pad).append(k).append(":\n");
            if (descend) {
                emitObject(b, (ObjectNode) v, path, indent + 2, settings);
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (childComments.containsKey(e.getKey())) {
                        comment(b, indent + 2, childComments.get(e.getKey()));
                    }
                    emitValue(b, e.getKey(), e.getValue(), path + "." + e.getKey(), indent + 2, settings, false, Map.of());
                }
            }
        } else if (v.isArray()) {
            b.append(pad).append(k).append(":\n");
            for (JsonNode item : v) {
                String itemPath = null;
                if (descend && item.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext() && itemPath == null; ) {
                        Map.Entry<String, JsonNode> f = it.next();
                        String cand = path + "[" + f.getKey() + "=" + f.getValue().asText() + "]";
                        if (f.getValue().isValueNode() && settingsUnder(settings, cand)) {
                            itemPath = cand;
                        }
                    }
                }
                if (itemPath != null) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = it.next();
                        Setting s = exact(settings, itemPath + "." + f.getKey());
                        comment(b, indent + 2, f.getKey() + ": " + (s == null ? "FROM BASE" : s.comment()));
                    }
                }
                String flow = flow(item);
                if (flow != null && pad.length() + 4 + flow.length() <= WIDTH) {
                    b.append(pad).append("  - ").append(flow).append('\n');
                } else if (item.isObject()) {
                    boolean first = true;
                    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = it.next();
                        StringBuilder sub = new StringBuilder();
                        emitValue(sub, f.getKey(), f.getValue(), path + "[]." + f.getKey(), indent + 4, settings, false, Map.of());
                        String text = sub.toString();
                        if (first) {
                            text = pad + "  - " + text.substring(indent + 4);
                            first = false;
                        }
                        b.append(text);
                    }
                } else {
                    b.append(pad).append("  - ").append(scalar(item)).append('\n');
                }
            }
        } else {
            b.append(pad).append(k).append(": ").append(scalar(v)).append('\n');
        }
    }

    private static boolean settingsUnder(List<Setting> settings, String itemPath) {
        for (Setting s : settings) {
            if (s.path().startsWith(itemPath + ".")) {
                return true;
            }
        }
        return false;
    }

    /** A one-line flow rendering for scalars, and mappings and lists of scalars; null otherwise. */
    private static String flow(JsonNode v) {
        if (v.isValueNode() || v.isNull()) {
            return scalar(v);
        }
        List<String> parts = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode x : v) {
                if (!x.isValueNode()) {
                    String inner = x.isObject() ? flow(x) : null;
                    if (inner == null) {
                        return null;
                    }
                    parts.add(inner);
                } else {
                    parts.add(scalar(x));
                }
            }
            return "[" + String.join(", ", parts) + "]";
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode()) {
                return null;
            }
            parts.add(key(e.getKey()) + ": " + scalar(e.getValue()));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private static String key(String k) {
        return PLAIN.matcher(k).matches() && !RESERVED.contains(k.toLowerCase(Locale.ROOT)) ? k : quote(k);
    }

    static String scalar(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isBoolean()) {
            return Boolean.toString(v.asBoolean());
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            String s = BigDecimal.valueOf(v.doubleValue()).stripTrailingZeros().toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
        String t = v.asText();
        if (PLAIN.matcher(t).matches() && !RESERVED.contains(t.toLowerCase(Locale.ROOT))
                && (!NUMBERISH.matcher(t).matches() || t.matches("\\d{4}-\\d{2}(-\\d{2})?"))) {
            return t;
        }
        return quote(t);
    }

    private static String quote(String t) {
        return "'" + t.replace("'", "''") + "'";
    }
}
