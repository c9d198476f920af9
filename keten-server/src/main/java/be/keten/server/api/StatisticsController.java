package be.keten.server.api;

import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.server.statistics.StatisticsService;
import be.keten.stats.export.ExportFormat;
import be.keten.stats.export.ExportTable;
import be.keten.stats.export.PublicationExport;
import be.keten.stats.report.ReportFormat;
import be.keten.store.Projections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicators and official tables computed from the store by the statistics engine (one
 * definition of every figure): the monthly, annual and reception indicators as JSON (the reports'
 * machine form), and the publication's tables as JSON, CSV, XLSX or Eurostat SDMX-CSV (the same
 * export as {@code keten stats export}). Aggregates only: every role may read them.
 */
@RestController
@Tag(name = "Statistics", description = "Indicators and official tables (JSON, CSV, XLSX, SDMX-CSV); aggregates, all roles")
public class StatisticsController {
    static final int MAX_MONTHS = 240;

    /** What the snapshot covers, and the dossiers by procedure state. */
    public record Overview(long events, Instant computedAt, int dossiers, String from, String to, Map<String, Integer> dossiersByState) {
    }

    /** One table of the export. */
    public record Table(String file, List<String> header, List<List<String>> rows) {
    }

    /** The export's tables for a run of months. */
    public record Tables(String from, String to, List<Table> tables) {
    }

    private final Snapshots snapshots;
    private final Reports reports;
    private final Projections projections;
    private final CurrentUser user;

    public StatisticsController(Snapshots snapshots, Reports reports, Projections projections, CurrentUser user) {
        this.snapshots = snapshots;
        this.reports = reports;
        this.projections = projections;
        this.user = user;
    }

    @GetMapping("/api/statistics")
    @Operation(summary = "What the statistics cover: events, months, dossiers, dossiers by procedure state")
    public Overview overview() {
        user.require(Access.AGGREGATE_READERS, "read statistics");
        StatisticsService.Snapshot s = snapshots.current();
        var coverage = s.statistics().coverage();
        return new Overview(s.events(), s.computedAt(), s.statistics().dossiers(), coverage.map(p -> p.from().toString()).orElse(null),
                coverage.map(p -> p.to().toString()).orElse(null), projections.countByState());
    }

    @GetMapping("/api/statistics/monthly")
    @Operation(summary = "The indicators of one month (month=YYYY-MM): the monthly publication's figures as JSON")
    public ResponseEntity<byte[]> monthly(@RequestParam(value = "month", required = false) String month,
                                          @RequestParam(value = "lang", required = false) String lang) {
        return json("monthly", month, null, lang);
    }

    @GetMapping("/api/statistics/annual")
    @Operation(summary = "The indicators of one calendar year (year=YYYY) as JSON")
    public ResponseEntity<byte[]> annual(@RequestParam(value = "year", required = false) String year,
                                         @RequestParam(value = "lang", required = false) String lang) {
        return json("annual", null, year, lang);
    }

    @GetMapping("/api/statistics/reception")
    @Operation(summary = "The reception network's indicators of one year (year=YYYY) as JSON; needs a loaded network")
    public ResponseEntity<byte[]> reception(@RequestParam(value = "year", required = false) String year,
                                            @RequestParam(value = "lang", required = false) String lang) {
        return json("reception", null, year, lang);
    }

    /** A report's content as JSON: the same figures as {@code /api/reports/{kind}?format=json}. */
    private ResponseEntity<byte[]> json(String kind, String month, String year, String lang) {
        user.require(Access.AGGREGATE_READERS, "read statistics");
        var language = Params.language(lang);
        Reports.Built built = reports.build(kind, month, year);
        return ReportController.render(built.report(), ReportFormat.JSON, language, kind + "-" + built.period());
    }

    @GetMapping("/api/statistics/tables")
    @Operation(summary = "The publication's tables for months from..to (YYYY-MM): format json, csv (one table, or all zipped), xlsx,"
            + " or sdmx-csv (Eurostat layout; one file, or all zipped); table= a file name such as cgvs_decisions.csv")
    public ResponseEntity<?> tables(@RequestParam(value = "from", required = false) String from,
                                    @RequestParam(value = "to", required = false) String to,
                                    @RequestParam(value = "format", required = false) String format,
                                    @RequestParam(value = "table", required = false) String table) {
        user.require(Access.AGGREGATE_READERS, "read statistics");
        YearMonth f = Params.month("from", from);
        YearMonth t = Params.month("to", to);
        if (t.isBefore(f)) {
            throw ApiException.badRequest("to", "to: " + t + " is before from " + f);
        }
        if (ChronoUnit.MONTHS.between(f, t) >= MAX_MONTHS) {
            throw ApiException.badRequest("to", "to: at most " + MAX_MONTHS + " months from 'from'");
        }
        String code = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(java.util.Locale.ROOT);
        ExportFormat exportFormat = null;
        if (!code.equals("json")) {
            try {
                exportFormat = ExportFormat.ofCode(code);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("format", "format: '" + Params.clip(format) + "' is not allowed; allowed: json, csv, xlsx, sdmx-csv");
            }
        }
        String wanted = Params.optional(table);
        if (wanted != null && exportFormat == ExportFormat.XLSX) {
            throw ApiException.badRequest("table", "table: the workbook has every table; leave 'table' out for xlsx");
        }
        if (wanted != null && !wanted.endsWith(".csv")) {
            wanted = wanted + ".csv";
        }
        PublicationExport export = new PublicationExport(snapshots.current().statistics(), f, t);
        String name = "keten-tables-" + f + "-" + t;
        if (exportFormat == null) {
            List<Table> out = export.tables().stream().map(x -> new Table(x.file(), x.header(), x.rows())).toList();
            if (wanted != null) {
                String w = wanted;
                out = out.stream().filter(x -> x.file().equals(w)).toList();
                if (out.isEmpty()) {
                    throw unknownTable(wanted, export.tables().stream().map(ExportTable::file).toList());
                }
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new Tables(f.toString(), t.toString(), out));
        }
        Map<String, byte[]> files = files(exportFormat, export);
        if (exportFormat == ExportFormat.XLSX) {
            return download(files.values().iterator().next(), ReportController.XLSX, name + ".xlsx");
        }
        if (wanted != null) {
            byte[] one = files.get(wanted);
            if (one == null) {
                throw unknownTable(wanted, List.copyOf(files.keySet()));
            }
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(one);
        }
        return download(zip(files), "application/zip", name + (exportFormat == ExportFormat.SDMX_CSV ? "-sdmx" : "") + ".zip");
    }

    private static ApiException unknownTable(String wanted, List<String> files) {
        return ApiException.badRequest("table", "table: '" + Params.clip(wanted) + "' is not one of " + files);
    }

    /** The export's files as {@link ExportFormat#write} writes them, by file name. */
    private static Map<String, byte[]> files(ExportFormat format, PublicationExport export) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("keten-export-");
            Map<String, byte[]> out = new LinkedHashMap<>();
            for (Path p : format.write(export, dir)) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ResponseEntity<byte[]> download(byte[] body, String type, String filename) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header("Content-Disposition", ContentDisposition.attachment().filename(filename).build().toString()).body(body);
    }

    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
