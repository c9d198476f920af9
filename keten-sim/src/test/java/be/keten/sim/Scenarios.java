package be.keten.sim;

import java.net.URISyntaxException;
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
}
