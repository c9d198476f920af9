package be.keten.server;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's own settings ({@code keten.*} in application.properties or {@code --keten.x=y}).
 *
 * @param db        JDBC URL of the store; the embedded H2 file under ./keten-data by default
 * @param seed      load synthetic 2022–2023 data into an empty store on first start
 * @param seedFrom  first month of the synthetic data
 * @param seedTo    last month of the synthetic data
 * @param seedValue the random seed of the synthetic data (same seed, same data)
 * @param scenarios folder of the scenario YAML files offered by the what-if page
 * @param network   reception network CSV loaded with the synthetic data when the store has none
 */
@ConfigurationProperties("keten")
public record KetenProperties(
        @DefaultValue("jdbc:h2:file:./keten-data/keten") String db,
        @DefaultValue("true") boolean seed,
        @DefaultValue("2022-01") String seedFrom,
        @DefaultValue("2023-12") String seedTo,
        @DefaultValue("2024") long seedValue,
        @DefaultValue("examples/scenarios") Path scenarios,
        @DefaultValue("examples/reception/network-2024.csv") Path network) {
}
