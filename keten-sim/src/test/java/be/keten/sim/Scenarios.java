package be.keten.sim;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

final class Scenarios {
    private Scenarios() {
    }

    static Path path(String name) {
        try {
            return Path.of(Scenarios.class.getResource("/scenarios/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Scenario small() {
        try {
            return ScenarioFile.read(path("small.yaml"));
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * small.yaml with text replaced: {@code replacements} are pairs of text and what replaces it,
     * each of which must be found. Written to {@code dir} as {@code name}.yaml and read from there.
     */
    static Scenario smallWith(Path dir, String name, String... replacements) throws IOException, ScenarioException {
        String yaml = Files.readString(path("small.yaml"));
        for (int i = 0; i < replacements.length; i += 2) {
            if (!yaml.contains(replacements[i])) {
                throw new AssertionError("small.yaml has no '" + replacements[i] + "' to replace");
            }
            yaml = yaml.replace(replacements[i], replacements[i + 1]);
        }
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return ScenarioFile.read(file);
    }
}
