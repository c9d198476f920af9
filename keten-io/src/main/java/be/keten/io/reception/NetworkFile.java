package be.keten.io.reception;

import be.keten.core.reception.CapacityPeriod;
import be.keten.core.reception.Facility;
import be.keten.core.reception.LanguageRegion;
import be.keten.core.reception.Network;
import be.keten.core.reception.Operator;
import be.keten.core.reception.PlaceType;
import be.keten.core.reception.TargetGroup;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a reception network from CSV: one row per capacity period of a facility, columns
 * {@code facility,name,operator,place_type,region,from,until,places,kind,active_from,target_groups}
 * ({@code target_groups}: names of {@link TargetGroup} separated by '|', empty for a facility open to
 * all). A facility's rows must agree on its name, operator, type, region and target groups. All or
 * nothing: the first bad row aborts.
 */
public final class NetworkFile {
    public static final List<String> COLUMNS = List.of("facility", "name", "operator", "place_type", "region", "from", "until", "places", "kind",
            "active_from", "target_groups");

    private NetworkFile() {
    }

    public static Network read(Path file) throws NetworkFileException {
        try (Reader in = Files.newBufferedReader(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new NetworkFileException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
    }

    public static Network read(Reader in, String source) throws NetworkFileException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        Map<String, Facility> facilities = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        try (CSVParser p = format.parse(in)) {
            List<String> header = p.getHeaderNames();
            if (!header.equals(COLUMNS)) {
                throw new NetworkFileException(source, 1, null, "expected the columns " + String.join(",", COLUMNS) + ", found " + String.join(",", header));
            }
            for (CSVRecord r : p) {
                long line = p.getCurrentLineNumber();
                if (r.size() != COLUMNS.size()) {
                    throw new NetworkFileException(source, line, null, "expected " + COLUMNS.size() + " fields as in the header, found " + r.size()
                            + " (a value containing a comma must be quoted)");
                }
                Row row = new Row(source, line, r);
                String id = row.text("facility");
                CapacityPeriod period = row.period();
                Facility before = facilities.get(id);
                try {
                    if (before == null) {
                        facilities.put(id, new Facility(id, row.text("name"), row.operator(), row.placeType(), row.region(), row.targetGroups(),
                                List.of(period)));
                        firstLine.put(id, line);
                    } else {
                        row.same("name", before.name(), row.text("name"), firstLine.get(id));
                        row.same("operator", before.operator(), row.operator(), firstLine.get(id));
                        row.same("place_type", before.placeType(), row.placeType(), firstLine.get(id));
                        row.same("region", before.region(), row.region(), firstLine.get(id));
                        row.same("target_groups", before.targetGroups(), row.targetGroups(), firstLine.get(id));
                        List<CapacityPeriod> periods = new ArrayList<>(before.capacity());
                        periods.add(period);
                        facilities.put(id, new Facility(id, before.name(), before.operator(), before.placeType(), before.region(),
                                before.targetGroups(), periods));
                    }
                } catch (IllegalArgumentException e) {
                    throw new NetworkFileException(source, line, e.getMessage().contains("overlap") ? "from" : "facility", e.getMessage());
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new NetworkFileException(source, 0, null, "not a readable CSV file: " + e.getMessage());
        }
        return new Network(List.copyOf(facilities.values()));
    }

    /** One row, read field by field so every error names its field. */
    private record Row(String source, long line, CSVRecord r) {
        String text(String field) throws NetworkFileException {
            String v = r.isMapped(field) && r.isSet(field) ? r.get(field) : "";
            if (v.isEmpty()) {
                throw new NetworkFileException(source, line, field, "missing");
            }
            return v;
        }

        LocalDate date(String field, boolean required) throws NetworkFileException {
            String v = r.isSet(field) ? r.get(field) : "";
            if (v.isEmpty()) {
                if (required) {
                    throw new NetworkFileException(source, line, field, "missing");
                }
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new NetworkFileException(source, line, field, "'" + v + "' is not a date YYYY-MM-DD");
            }
        }

        <E extends Enum<E>> E value(String field, Class<E> type) throws NetworkFileException {
            String v = text(field);
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw new NetworkFileException(source, line, field, "'" + v + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            }
        }

        Operator operator() throws NetworkFileException {
            String v = text("operator");
            try {
                return Operator.ofName(v);
            } catch (IllegalArgumentException e) {
                throw new NetworkFileException(source, line, "operator", e.getMessage());
            }
        }

        PlaceType placeType() throws NetworkFileException {
            return value("place_type", PlaceType.class);
        }

        Set<TargetGroup> targetGroups() throws NetworkFileException {
            String v = r.isSet("target_groups") ? r.get("target_groups") : "";
            Set<TargetGroup> out = EnumSet.noneOf(TargetGroup.class);
            for (String g : v.isEmpty() ? new String[0] : v.split("\\|")) {
                try {
                    out.add(TargetGroup.valueOf(g.strip()));
                } catch (IllegalArgumentException e) {
                    throw new NetworkFileException(source, line, "target_groups", "'" + g + "' is not one of " + Arrays.toString(TargetGroup.values())
                            + " (separate several with '|')");
                }
            }
            return out;
        }

        LanguageRegion region() throws NetworkFileException {
            return value("region", LanguageRegion.class);
        }

        CapacityPeriod period() throws NetworkFileException {
            String places = text("places");
            int n;
            try {
                n = Integer.parseInt(places);
            } catch (NumberFormatException e) {
                throw new NetworkFileException(source, line, "places", "'" + places + "' is not a whole number");
            }
            if (n < 0) {
                throw new NetworkFileException(source, line, "places", "capacity cannot be negative (" + n + ")");
            }
            try {
                return new CapacityPeriod(date("from", true), date("until", false), n, value("kind", CapacityPeriod.Kind.class), date("active_from", false));
            } catch (IllegalArgumentException e) {
                throw new NetworkFileException(source, line, e.getMessage().startsWith("until") ? "until" : "active_from", e.getMessage());
            }
        }

        <T> void same(String field, T was, T is, long first) throws NetworkFileException {
            if (!was.equals(is)) {
                throw new NetworkFileException(source, line, field, "'" + is + "' differs from '" + was + "' given for this facility on line " + first);
            }
        }
    }
}
