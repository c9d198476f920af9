package be.keten.server.simulation;

import be.keten.io.policy.PolicyFile;
import be.keten.io.policy.PolicyFileException;
import be.keten.server.KetenProperties;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioException;
import be.keten.sim.ScenarioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The scenario and policy files the server offers (what-if page and simulation API): the YAML files
 * of the scenarios folder ({@code keten.scenarios}) that read as scenarios, and those of that folder
 * and of the {@code policies} folder beside it that read as policy files. Only these files can be
 * chosen: a request names one by its id or file name, never by a path.
 */
@Component
public class ScenarioCatalog {
    /** A file on offer: {@code id} is "folder/name", {@code name} what the page shows. */
    public record Entry(String id, String name, Path path) {
    }

    private final KetenProperties properties;

    public ScenarioCatalog(KetenProperties properties) {
        this.properties = properties;
    }

    public List<Entry> scenarios() {
        List<Entry> out = new ArrayList<>();
        for (Path p : yaml(properties.scenarios())) {
            try {
                ScenarioFile.read(p);
                out.add(entry(p));
            } catch (ScenarioException | RuntimeException e) {
                // not a scenario (a policy file beside them, or a broken file): not offered
            }
        }
        return out;
    }

    public List<Entry> policies() {
        List<Entry> out = new ArrayList<>();
        List<Path> files = new ArrayList<>(yaml(properties.scenarios()));
        Path sibling = properties.scenarios().toAbsolutePath().normalize().resolveSibling("policies");
        files.addAll(yaml(sibling));
        for (Path p : files) {
            try {
                if (!PolicyFile.read(p).isEmpty()) {
                    out.add(entry(p));
                }
            } catch (PolicyFileException | RuntimeException e) {
                // not a policy file
            }
        }
        return out;
    }

    public Optional<Entry> scenario(String id) {
        return scenarios().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The scenario whose file is {@code fileName} ({@code .yaml} may be left out). */
    public Optional<Entry> scenarioFile(String fileName) {
        String file = fileName.endsWith(".yaml") || fileName.endsWith(".yml") ? fileName : fileName + ".yaml";
        return scenarios().stream().filter(e -> e.path().getFileName().toString().equals(file)).findFirst();
    }

    public Optional<Entry> policy(String id) {
        return policies().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Reads a scenario on offer. */
    public Scenario read(Entry e) throws ScenarioException {
        return ScenarioFile.read(e.path());
    }

    private static Entry entry(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        String folder = abs.getParent() == null ? "" : abs.getParent().getFileName().toString();
        return new Entry(folder + "/" + abs.getFileName(), abs.getFileName().toString().replaceFirst("\\.ya?ml$", ""), abs);
    }

    private static List<Path> yaml(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
