package be.keten.sim.backtest;

import be.keten.core.calendar.Period;
import be.keten.io.reference.CsvRows;
import be.keten.io.reference.ReferenceInputException;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The yearly protection rates the CGVS prints (43% in 2022, 43.5% in 2023), which the five publication
 * files of {@link be.keten.io.reference.ReferenceData} do not hold: they sit in the reference folder's
 * {@code indicators.csv} (rows {@code indicator=protection_rate}, unit {@code percent}). Only those rows
 * are read; the rest of the file is not the backtest's business.
 */
public final class PublishedRates {
    public static final String FILE = "indicators.csv";

    private PublishedRates() {
    }

    /** Protection rates (fractions) by period; empty when the folder has no {@code indicators.csv}. */
    public static Map<Period, Double> read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Map.of();
        }
        try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    static Map<Period, Double> read(Reader in) throws IOException {
        CsvRows csv = CsvRows.read(in, FILE, (location, field, problem) -> new ReferenceInputException(location, 0, field, problem));
        for (String c : new String[] {"period", "indicator", "breakdown", "value_percent", "unit"}) {
            if (!csv.has(c)) {
                throw new ReferenceInputException(FILE, 1, c, "column missing");
            }
        }
        Map<Period, Double> out = new TreeMap<>();
        for (CsvRows.Row r : csv.rows()) {
            // Only the overall rate: a breakdown (by nationality…) is another figure.
            if (!r.get("indicator").equals("protection_rate") || !r.get("breakdown").isEmpty() || !r.get("unit").equals("percent")
                    || r.get("value_percent").isEmpty() || r.get("period").isEmpty()) {
                continue;
            }
            Period p;
            try {
                p = Period.parse(r.get("period"));
            } catch (IllegalArgumentException e) {
                throw csv.error(r, "period", e.getMessage());
            }
            BigDecimal v = csv.decimal(r, "value_percent");
            out.put(p, v.doubleValue() / 100.0);
        }
        return out;
    }
}
