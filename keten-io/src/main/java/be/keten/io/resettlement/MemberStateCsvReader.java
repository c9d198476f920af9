package be.keten.io.resettlement;

import be.keten.core.resettlement.EuComposition;
import be.keten.core.resettlement.MemberStateFigures;
import be.keten.core.resettlement.MemberStateTable;
import be.keten.core.resettlement.ResettlementInputException;
import be.keten.io.reference.CsvRows;
import be.keten.core.resettlement.RowNames;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads member states' population and GDP for the key update of GUIDE §7.2 step 5. One file holds one
 * reference year. Layouts (header names case-insensitive, extra columns such as {@code name} or
 * {@code source} are ignored):
 * <pre>
 * code,population,gdp                 absolute figures, any unit as long as it is the same on every row
 * code,population_share,gdp_share     fractions of the EU total, each column summing to 1 (± 0.002)
 * </pre>
 * Codes are ISO 3166-1 alpha-2; Eurostat's EL (Greece) and UK (United Kingdom) are accepted for GR and GB.
 * The table must hold every member of the chosen composition exactly once (EU-27 since 1 February 2020:
 * see {@link EuComposition#EU27}) with positive values. Every error names file, line and column.
 */
public final class MemberStateCsvReader {

    /** Eurostat's codes that differ from ISO 3166-1. */
    private static final Map<String, String> EUROSTAT_ALIASES = Map.of("EL", "GR", "UK", "GB");

    private MemberStateCsvReader() {
    }

    public static MemberStateTable read(Path file, EuComposition composition) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.getFileName().toString(), composition);
        }
    }

    /**
     * @param source file name used in error messages
     * @throws ResettlementInputException naming file, line and column of the first problem
     */
    public static MemberStateTable read(Reader in, String source, EuComposition composition) throws IOException {
        CsvRows csv = CsvRows.read(in, source, ResettlementInputException::new);
        String code = csv.has("code") ? "code" : "iso2";
        if (!csv.has(code)) {
            throw missing(source, "code");
        }
        boolean absolute = csv.has("population") || csv.has("gdp");
        boolean shares = csv.has("population_share") || csv.has("gdp_share");
        if (absolute && shares) {
            throw new ResettlementInputException(source + " line 1", "header",
                    "give either population,gdp or population_share,gdp_share, not both");
        }
        String pop = shares ? "population_share" : "population";
        String gdp = shares ? "gdp_share" : "gdp";
        for (String column : List.of(pop, gdp)) {
            if (!csv.has(column)) {
                throw missing(source, column);
            }
        }
        List<MemberStateFigures> figures = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (CsvRows.Row row : csv.rows()) {
            String raw = row.get(code).toUpperCase(Locale.ROOT);
            if (raw.isEmpty()) {
                throw csv.error(row, code, "is empty");
            }
            figures.add(new MemberStateFigures(EUROSTAT_ALIASES.getOrDefault(raw, raw), csv.decimal(row, pop),
                    csv.decimal(row, gdp)));
            lines.add(row.line());
        }
        RowNames names = new RowNames() {
            @Override
            public String row(int index) {
                return source + " line " + lines.get(index);
            }

            @Override
            public String allRows() {
                return lines.isEmpty() ? source + " (no data rows)"
                        : source + " lines " + lines.get(0) + "-" + lines.get(lines.size() - 1);
            }
        };
        return MemberStateTable.of(composition, shares ? MemberStateTable.Values.SHARES : MemberStateTable.Values.ABSOLUTE,
                figures, names);
    }

    private static ResettlementInputException missing(String source, String column) {
        return new ResettlementInputException(source + " line 1", column,
                "column missing; expected code,population,gdp or code,population_share,gdp_share");
    }
}
