package be.keten.stats.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A {@link Document} as PDF: the same HTML as the screen page with paged-media rules, laid out by
 * openhtmltopdf, charts drawn as vectors (Batik), the shipped font embedded (subset).
 */
public final class PdfRenderer {
    static {
        // openhtmltopdf logs every page through java.util.logging to stderr; the CLI's streams are the user's.
        XRLog.setLoggingEnabled(false);
    }

    private PdfRenderer() {
    }

    public static void write(Document d, OutputStream out) {
        String html = HtmlRenderer.printHtml(d);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.useFont(() -> Fonts.open(Fonts.REGULAR), Fonts.FAMILY, 400, FontStyle.NORMAL, true);
        b.useFont(() -> Fonts.open(Fonts.BOLD), Fonts.FAMILY, 700, FontStyle.NORMAL, true);
        b.useSVGDrawer(new BatikSVGDrawer());
        b.withHtmlContent(html, null);
        b.withProducer("Keten");
        b.toStream(out);
        try {
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF: " + e.getMessage(), e);
        }
    }
}
