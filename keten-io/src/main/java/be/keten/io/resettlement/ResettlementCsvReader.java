package be.keten.io.resettlement;

import be.keten.core.resettlement.Arrival;
import be.keten.core.resettlement.Pledge;
import be.keten.core.resettlement.Programme;
import be.keten.core.resettlement.ProgrammeData;
import be.keten.core.resettlement.ProgrammePeriod;
import be.keten.core.resettlement.Qualifier;
import be.keten.core.resettlement.ResettlementInputException;
import be.keten.core.resettlement.SelectionMission;
import be.keten.io.reference.CsvRows;
import be.keten.io.reference.ReferenceFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads programme data in the layout of the reference {@code resettlement.csv}: period, actor, measure,
 * breakdown, category, nationality, iso2, first_asylum_country, value, qualifier (source, locator and note
 * may follow and are not used). Each measure becomes a pledge or an arrival of one programme; an unknown
 * measure is an error rather than silently dropped.
 */
public final class ResettlementCsvReader {

    static final List<String> COLUMNS = List.of("period", "actor", "measure", "breakdown", "category", "nationality",
            "iso2", "first_asylum_country", "value", "qualifier");

    private enum Kind { PLEDGE, ARRIVAL, SELECTION }

    private record Measure(Kind kind, Programme programme, SelectionMission.Stage stage) {
        Measure(Kind kind, Programme programme) {
            this(kind, programme, null);
        }
    }

    /** Measures of the reference file; {@code planned} quotas count as pledged. */
    private static final Map<String, Measure> MEASURES = Map.of(
            "pledge", new Measure(Kind.PLEDGE, Programme.RESETTLEMENT),
            "planned", new Measure(Kind.PLEDGE, Programme.RESETTLEMENT),
            "arrived", new Measure(Kind.ARRIVAL, Programme.RESETTLEMENT),
            "community_sponsorship_arrivals", new Measure(Kind.ARRIVAL, Programme.COMMUNITY_SPONSORSHIP),
            "humanitarian_corridor_commitment", new Measure(Kind.PLEDGE, Programme.HUMANITARIAN_CORRIDOR),
            "relocation_arrivals", new Measure(Kind.ARRIVAL, Programme.RELOCATION),
            // Selection missions: persons interviewed and accepted by the CGVS in a first country of asylum.
            "selection_interviewed", new Measure(Kind.SELECTION, Programme.RESETTLEMENT, SelectionMission.Stage.INTERVIEWED),
            "selection_accepted", new Measure(Kind.SELECTION, Programme.RESETTLEMENT, SelectionMission.Stage.ACCEPTED));

    private ResettlementCsvReader() {
    }

    public static ProgrammeData read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.getFileName().toString());
        }
    }

    /** The published programme data shipped with keten-io. */
    public static ProgrammeData readBundled() {
        try (Reader in = ReferenceFiles.reader(ReferenceFiles.RESETTLEMENT)) {
            return read(in, ReferenceFiles.RESETTLEMENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws ResettlementInputException naming file, line and column of the first problem */
    public static ProgrammeData read(Reader in, String source) throws IOException {
        CsvRows csv = CsvRows.read(in, source, ResettlementInputException::new);
        for (String column : COLUMNS) {
            if (!csv.has(column)) {
                throw new ResettlementInputException(source + " line 1", column,
                        "column missing; expected " + String.join(",", COLUMNS));
            }
        }
        List<Pledge> pledges = new ArrayList<>();
        List<Arrival> arrivals = new ArrayList<>();
        List<SelectionMission.Figure> selection = new ArrayList<>();
        for (CsvRows.Row row : csv.rows()) {
            Measure measure = MEASURES.get(row.get("measure"));
            if (measure == null) {
                throw csv.error(row, "measure", "unknown measure '" + row.get("measure") + "'; expected one of "
                        + String.join(", ", MEASURES.keySet().stream().sorted().toList()));
            }
            ProgrammePeriod period;
            try {
                period = ProgrammePeriod.parse(row.get("period"));
            } catch (IllegalArgumentException e) {
                throw csv.error(row, "period", e.getMessage());
            }
            String breakdown = row.get("breakdown");
            String category = row.get("category");
            if (category.isEmpty()) {
                throw csv.error(row, "category", "is empty");
            }
            if (breakdown.isEmpty() != category.equals("total")) {
                throw csv.error(row, "category", breakdown.isEmpty()
                        ? "a row without breakdown is a total and must have category 'total' (was '" + category + "')"
                        : "a row with breakdown '" + breakdown + "' is a part and cannot have category 'total'");
            }
            long value = count(csv, row);
            Qualifier qualifier;
            try {
                qualifier = Qualifier.ofCode(row.get("qualifier"));
            } catch (IllegalArgumentException e) {
                throw csv.error(row, "qualifier", e.getMessage());
            }
            String actor = row.get("actor");
            if (measure.kind() == Kind.SELECTION) {
                String host = row.get("first_asylum_country");
                if (host.isEmpty()) {
                    throw csv.error(row, "first_asylum_country", "a selection-mission figure names the country where the mission took place");
                }
                if (!breakdown.isEmpty()) {
                    throw csv.error(row, "breakdown", "a selection-mission figure is a total per period and country (was '" + breakdown + "')");
                }
                SelectionMission.Figure f = new SelectionMission.Figure(period, host, measure.stage(), value, qualifier);
                for (SelectionMission.Figure other : selection) {
                    if (other.period().equals(period) && other.hostCountry().equals(host) && other.stage() == f.stage()) {
                        throw csv.error(row, "measure", "a second '" + row.get("measure") + "' figure for " + period.label() + " in " + host);
                    }
                }
                selection.add(f);
            } else if (measure.kind() == Kind.PLEDGE) {
                pledges.add(new Pledge(period, measure.programme(), actor, breakdown, category, row.get("iso2"), value,
                        qualifier));
            } else {
                arrivals.add(new Arrival(period, measure.programme(), actor, breakdown, category, row.get("iso2"),
                        row.get("first_asylum_country"), value, qualifier));
            }
        }
        return new ProgrammeData(pledges, arrivals, selection);
    }

    private static long count(CsvRows csv, CsvRows.Row row) {
        String v = row.get("value");
        if (v.isEmpty()) {
            throw csv.error(row, "value", "is empty");
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw csv.error(row, "value", "must not be negative (was " + v + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw csv.error(row, "value", "'" + v + "' is not a whole number of persons or places");
        }
    }
}
