package be.keten.io.resettlement;

import be.keten.core.resettlement.ResettlementInputException;
import be.keten.io.reference.CsvRows;
import be.keten.io.reference.ReferenceFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The published inputs and results of the NGO fair-share calculation ({@code fair_share_inputs.csv}):
 * parameter name to value, percentages converted to fractions (2.84 → 0.0284). Lets tests and users set the
 * calculator's output against the figures printed in the report.
 */
public final class FairShareReference {

    private final Map<String, BigDecimal> values;

    private FairShareReference(Map<String, BigDecimal> values) {
        this.values = values;
    }

    public static FairShareReference readBundled() {
        try (Reader in = ReferenceFiles.reader(ReferenceFiles.FAIR_SHARE_INPUTS)) {
            return read(in, ReferenceFiles.FAIR_SHARE_INPUTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws ResettlementInputException naming file, line and column of the first problem */
    public static FairShareReference read(Reader in, String source) throws IOException {
        CsvRows csv = CsvRows.read(in, source, ResettlementInputException::new);
        for (String column : new String[] {"parameter", "value", "value_percent"}) {
            if (!csv.has(column)) {
                throw new ResettlementInputException(source + " line 1", column, "column missing");
            }
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (CsvRows.Row row : csv.rows()) {
            String name = row.get("parameter");
            if (name.isEmpty()) {
                throw csv.error(row, "parameter", "is empty");
            }
            boolean hasValue = !row.get("value").isEmpty();
            boolean hasPercent = !row.get("value_percent").isEmpty();
            if (hasValue == hasPercent) {
                throw csv.error(row, hasValue ? "value_percent" : "value",
                        "exactly one of value and value_percent must be filled");
            }
            BigDecimal v = hasValue ? csv.decimal(row, "value") : csv.decimal(row, "value_percent").movePointLeft(2);
            if (values.putIfAbsent(name, v) != null) {
                throw csv.error(row, "parameter", "'" + name + "' appears twice");
            }
        }
        return new FairShareReference(Map.copyOf(values));
    }

    public Optional<BigDecimal> value(String parameter) {
        return Optional.ofNullable(values.get(parameter));
    }

    /** @throws IllegalArgumentException if the parameter is not in the file */
    public BigDecimal require(String parameter) {
        return value(parameter).orElseThrow(() -> new IllegalArgumentException(
                "parameter " + parameter + " is not in " + ReferenceFiles.FAIR_SHARE_INPUTS));
    }

    public Map<String, BigDecimal> values() {
        return values;
    }
}
