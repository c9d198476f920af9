package be.keten.server.api;

import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.stats.report.Language;
import be.keten.stats.report.Report;
import be.keten.stats.report.ReportFormat;
import be.keten.stats.report.ReportWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports of the command line ({@code keten report monthly|annual|reception}), made by the same
 * classes from the server's statistics snapshot, in HTML, PDF, XLSX or JSON.
 */
@RestController
@Tag(name = "Reports", description = "The monthly and annual CGVS publications and Fedasil's reception balance (all roles)")
public class ReportController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'; sandbox";

    private final Reports reports;
    private final CurrentUser user;

    public ReportController(Reports reports, CurrentUser user) {
        this.reports = reports;
        this.user = user;
    }

    @GetMapping("/api/reports/{kind}")
    @Operation(summary = "A report: monthly (month=YYYY-MM), annual or reception (year=YYYY); lang nl|fr|en; format html|pdf|xlsx|json")
    public ResponseEntity<byte[]> report(@PathVariable("kind") String kind,
                                         @RequestParam(value = "month", required = false) String month,
                                         @RequestParam(value = "year", required = false) String year,
                                         @RequestParam(value = "lang", required = false) String lang,
                                         @RequestParam(value = "format", required = false) String format) {
        user.require(Access.AGGREGATE_READERS, "read reports");
        Language language = Params.language(lang);
        ReportFormat f = format(format);
        Reports.Built built = reports.build(kind, month, year);
        return render(built.report(), f, language, "keten-" + kind + "-" + built.period() + "-" + language.code());
    }

    static ReportFormat format(String value) {
        if (value == null || value.isBlank()) {
            return ReportFormat.HTML;
        }
        try {
            return ReportFormat.of(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("format", "format: '" + Params.clip(value) + "' is not a report format; allowed: html, pdf, xlsx, json");
        }
    }

    /** The report in one format, with its media type; binary formats as a download. */
    static ResponseEntity<byte[]> render(Report report, ReportFormat format, Language language, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.write(report, format, language, out);
        MediaType type = switch (format) {
            case HTML -> new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
            case PDF -> MediaType.APPLICATION_PDF;
            case XLSX -> MediaType.parseMediaType(XLSX);
            case JSON -> MediaType.APPLICATION_JSON;
        };
        ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(type).header("X-Keten-Has-Data", Boolean.toString(report.hasData()));
        if (format == ReportFormat.HTML) {
            // The report is one self-contained page with its styles inline and no script; the
            // server's policy (styles from files only) would leave it unstyled.
            b.header("Content-Security-Policy", REPORT_CSP);
        }
        if (format.binary()) {
            b.header("Content-Disposition", ContentDisposition.attachment().filename(name + "." + format.code()).build().toString());
        }
        return b.body(out.toByteArray());
    }
}
