package be.keten.server.api;

import be.keten.server.simulation.ScenarioCatalog;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioException;
import be.keten.sim.ScenarioFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scenario of a simulation request: a file of the scenarios folder by name, or a scenario's
 * YAML text. The text is read by {@link ScenarioFile} (every value checked) from a temporary file;
 * the files it names ({@code policy_files}, {@code reception.network_file}) are resolved as if it
 * were in the scenarios folder, and must lie in that folder's parent (the examples tree), so a
 * submitted scenario cannot make the server read files elsewhere.
 */
final class ScenarioInput {
    static final int MAX_HORIZON = 240;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ScenarioInput() {
    }

    /**
     * A scenario the server offers ({@link ScenarioCatalog}), by its plain file name (no path);
     * {@code .yaml} may be left out.
     */
    static Scenario named(ScenarioCatalog catalog, String name) throws ScenarioException {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw ApiException.badRequest("scenario", "scenario: expected the file name of a scenario of the server (no path), e.g. baseline-2025.yaml");
        }
        ScenarioCatalog.Entry e = catalog.scenarioFile(name).orElseThrow(() -> ApiException.badRequest("scenario", "scenario: no scenario '"
                + name + "' on the server; available: " + catalog.scenarios().stream().map(x -> x.path().getFileName().toString()).toList()));
        return catalog.read(e);
    }

    /** A scenario's YAML text. */
    static Scenario text(Path folder, String yaml) throws ScenarioException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw ApiException.badRequest("yaml", "yaml: not valid YAML (" + Params.clip(msg) + ")");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("yaml", "yaml: expected a mapping of scenario keys");
        }
        Path base = folder.toAbsolutePath().normalize();
        JsonNode policies = root.get("policy_files");
        if (policies instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isTextual()) {
                    list.set(i, confined(base, list.get(i).textValue(), "policy_files[" + i + "]", ".yaml", ".yml"));
                }
            }
        }
        JsonNode reception = root.get("reception");
        if (reception instanceof ObjectNode r && r.get("network_file") != null && r.get("network_file").isTextual()) {
            r.put("network_file", confined(base, r.get("network_file").textValue(), "reception.network_file", ".csv").textValue());
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("keten-scenario-");
            Path file = dir.resolve("scenario.yaml");
            YAML.writeValue(file.toFile(), root);
            return ScenarioFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            StatisticsController.delete(dir);
        }
    }

    /** The absolute path of a file a scenario names, if it lies under the scenarios folder's parent. */
    private static com.fasterxml.jackson.databind.node.TextNode confined(Path folder, String value, String field, String... extensions) {
        Path root = folder.getParent() == null ? folder : folder.getParent();
        Path p;
        try {
            p = folder.resolve(value).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw ApiException.badRequest(field, field + ": not a file name");
        }
        boolean inside = p.startsWith(root);
        if (inside && Files.exists(p)) {
            try {
                inside = p.toRealPath().startsWith(root.toRealPath());
            } catch (IOException e) {
                inside = false;
            }
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!inside || Stream.of(extensions).noneMatch(lower::endsWith)) {
            throw ApiException.badRequest(field, field + ": a submitted scenario may name only " + String.join(" or ", extensions)
                    + " files of the server's examples, relative to the scenarios folder (e.g. ../reception/network-2024.csv)");
        }
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(p.toString());
    }
}
