package be.keten.stats.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes a report in one format and language. */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    public static void write(Report report, ReportFormat format, Language language, OutputStream out) {
        try {
            switch (format) {
                case HTML:
                    out.write(HtmlRenderer.html(report.document(language)).getBytes(StandardCharsets.UTF_8));
                    break;
                case PDF:
                    PdfRenderer.write(report.document(language), out);
                    break;
                case XLSX:
                    XlsxRenderer.write(report.document(language), out);
                    break;
                case JSON:
                    out.write(JSON.writeValueAsBytes(report.json(language)));
                    out.write('\n');
                    break;
                default:
                    throw new IllegalArgumentException("unknown format " + format);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
