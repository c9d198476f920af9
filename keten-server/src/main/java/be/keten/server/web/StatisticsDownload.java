package be.keten.server.web;

import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.server.statistics.StatisticsService;
import be.keten.stats.ChainStatistics;
import be.keten.stats.export.ExportTable;
import be.keten.stats.export.PublicationExport;
import be.keten.stats.report.Language;
import be.keten.stats.report.MonthlyReport;
import be.keten.stats.report.ReportFormat;
import be.keten.stats.report.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloads of the statistics page: the monthly publication as PDF or XLSX in the page's language
 * (the same document the page shows), and its figures as CSV in the reference layout (the five
 * files of {@code keten stats export} for the month, zipped; or one of them with {@code table=}).
 */
@Controller
public class StatisticsDownload {
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final StatisticsService statistics;
    private final CurrentUser user;
    private final Clock clock;

    public StatisticsDownload(StatisticsService statistics, CurrentUser user, Clock clock) {
        this.statistics = statistics;
        this.user = user;
        this.clock = clock;
    }

    @GetMapping("/statistics/download")
    public ResponseEntity<byte[]> download(@RequestParam(required = false) String month, @RequestParam String format,
                                           @RequestParam(required = false) String table) {
        user.require(Access.AGGREGATE_READERS, "download the official statistics");
        ChainStatistics s = statistics.current().statistics();
        YearMonth m = Pages.month(month).orElse(StatisticsPage.lastMonth(s, clock));
        Language language = Pages.language();
        String base = "keten-statistics-" + m + "-" + language.code();
        switch (format) {
            case "pdf" -> {
                return file(report(s, m, ReportFormat.PDF, language), MediaType.APPLICATION_PDF, base + ".pdf");
            }
            case "xlsx" -> {
                return file(report(s, m, ReportFormat.XLSX, language), XLSX, base + ".xlsx");
            }
            case "csv" -> {
                PublicationExport export = new PublicationExport(s, m, m);
                if (table != null && !table.isBlank()) {
                    ExportTable t = export.tables().stream().filter(x -> x.file().equals(table)).findFirst()
                            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such table"));
                    return file(t.csv().getBytes(StandardCharsets.UTF_8), CSV, "keten-" + m + "-" + t.file());
                }
                return file(zip(export), ZIP, "keten-statistics-" + m + "-csv.zip");
            }
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format: csv, xlsx or pdf");
        }
    }

    private byte[] report(ChainStatistics s, YearMonth m, ReportFormat format, Language language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.write(MonthlyReport.of(s, m, LocalDate.now(clock)), format, language, out);
        return out.toByteArray();
    }

    private static byte[] zip(PublicationExport export) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (ExportTable t : export.tables()) {
                zip.putNextEntry(new ZipEntry(t.file()));
                zip.write(t.csv().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
