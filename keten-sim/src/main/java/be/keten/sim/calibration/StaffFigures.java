package be.keten.sim.calibration;

import be.keten.io.reference.CsvRows;
import be.keten.io.reference.ReferenceFiles;
import be.keten.io.reference.ReferenceInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Published CGVS operational staff (FTE at a date) from {@code cgvs_staff.csv}: rows with measure
 * {@code operational_fte} and staff level {@code total} (GUIDE §9: 471.29 end 2020 … 582.77 end 2023,
 * 600.9 end 2024). Not one of the five publication files of {@code ReferenceData}, so read here.
 *
 * @param file  where the figures were read (a path, or the bundled copy's name)
 * @param stocks FTE by date
 */
public record StaffFigures(String file, NavigableMap<LocalDate, Double> stocks) {
    public static final String FILE = "cgvs_staff.csv";

    public StaffFigures {
        stocks = Collections.unmodifiableNavigableMap(new TreeMap<>(stocks));
    }

    /** For comments: the file name (the copy shipped with Keten is byte-identical to the reference folder's). */
    public String label() {
        return FILE;
    }

    public static StaffFigures none() {
        return new StaffFigures("(none)", new TreeMap<>());
    }

    /** {@code dir/cgvs_staff.csv} if the folder has it, else the copy shipped with keten-io. */
    public static StaffFigures read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (Files.isRegularFile(f)) {
            return parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
        }
        return bundled();
    }

    public static StaffFigures bundled() {
        try (Reader in = ReferenceFiles.reader(FILE)) {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[4096];
            for (int n; (n = in.read(buf)) >= 0; ) {
                b.append(buf, 0, n);
            }
            return parse(FILE + " (bundled)", b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws ReferenceInputException naming file, line and column of the first problem */
    public static StaffFigures parse(String name, String text) {
        CsvRows csv;
        try {
            csv = CsvRows.read(new StringReader(text), name, (location, field, problem) -> {
                int i = location.lastIndexOf(" line ");
                int line = 0;
                String file = location;
                if (i > 0) {
                    try {
                        line = Integer.parseInt(location.substring(i + 6));
                        file = location.substring(0, i);
                    } catch (NumberFormatException e) {
                        // the whole text names the file
                    }
                }
                return new ReferenceInputException(file, line, field, problem);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String c : new String[] {"period", "measure", "staff_level", "value"}) {
            if (!csv.has(c)) {
                throw new ReferenceInputException(name, 1, c, "column missing; expected at least period,measure,staff_level,value");
            }
        }
        TreeMap<LocalDate, Double> out = new TreeMap<>();
        for (CsvRows.Row row : csv.rows()) {
            if (!row.get("measure").equals("operational_fte") || !row.get("staff_level").equals("total")) {
                continue;
            }
            LocalDate d;
            try {
                d = LocalDate.parse(row.get("period"));
            } catch (DateTimeParseException e) {
                throw csv.error(row, "period", "'" + row.get("period") + "' is not a day (YYYY-MM-DD): FTE is a stock at a date");
            }
            BigDecimal v = csv.decimal(row, "value");
            if (v.signum() < 0) {
                throw csv.error(row, "value", "'" + row.get("value") + "' is not a number of FTE (0 or more)");
            }
            if (out.put(d, v.doubleValue()) != null) {
                throw csv.error(row, "period", "the FTE total at " + d + " is given twice");
            }
        }
        return new StaffFigures(name, out);
    }
}
