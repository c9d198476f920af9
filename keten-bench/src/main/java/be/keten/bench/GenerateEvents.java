package be.keten.bench;

import be.keten.core.event.ChainEvent;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.rulebook.Rulebook;
import be.keten.io.events.EventCodec;
import be.keten.io.events.EventWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Writes an NDJSON file of generated dossier histories:
 * {@code java -cp keten-bench/target/keten-bench.jar be.keten.bench.GenerateEvents EVENTS SEED FILE}.
 * The clock is fixed at 2025-01-01 so the same seed gives the same file on any day.
 */
public final class GenerateEvents {
    private GenerateEvents() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: GenerateEvents EVENTS SEED FILE");
            System.exit(1);
        }
        long target = Long.parseLong(args[0]);
        long seed = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        Rulebook rb = new Rulebook(BelgianPolicies.book(), Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        HistoryGenerator gen = new HistoryGenerator(rb, seed, LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31));
        long written = 0;
        int dossiers = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8); EventWriter ew = new EventWriter(w, new EventCodec())) {
            while (written < target) {
                for (ChainEvent e : gen.dossier(++dossiers)) {
                    if (written++ >= target) {
                        break;
                    }
                    ew.write(e);
                }
            }
        }
        System.err.printf("%d events of %d dossiers written to %s%n", Math.min(written, target), dossiers, out);
    }
}
