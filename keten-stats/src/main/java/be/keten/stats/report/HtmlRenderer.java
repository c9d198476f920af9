package be.keten.stats.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A {@link Document} as one self-contained HTML page (Thymeleaf templates {@code report.html} and
 * {@code blocks.html}): styles and SVG charts inline, no script, nothing fetched. The markup is
 * well-formed XHTML, so the same page feeds the PDF renderer.
 */
public final class HtmlRenderer {
    private static final String FOLDER = "be/keten/stats/report/";
    private static final TemplateEngine ENGINE = engine();
    private static final String CSS = resource("report.css").replace("FONT_STACK", Fonts.CSS_STACK);

    private HtmlRenderer() {
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver(HtmlRenderer.class.getClassLoader());
        r.setPrefix(FOLDER);
        r.setSuffix(".html");
        r.setTemplateMode(TemplateMode.HTML);
        r.setCharacterEncoding("UTF-8");
        r.setCacheable(true);
        TemplateEngine e = new TemplateEngine();
        e.setTemplateResolver(r);
        return e;
    }

    /** The page for a screen. */
    public static String html(Document d) {
        return render(d, false);
    }

    /** The page for the PDF renderer: with paged-media rules (A4, a section per page, running footer). */
    static String printHtml(Document d) {
        return render(d, true);
    }

    private static String render(Document d, boolean print) {
        Context c = new Context(d.language().locale());
        c.setVariable("doc", d);
        c.setVariable("css", CSS);
        c.setVariable("print", print);
        c.setVariable("pageCss", print ? pageCss(d) : "");
        return ENGINE.process("report", c);
    }

    private static String pageCss(Document d) {
        return "@page { size: A4; margin: 14mm 12mm 15mm 12mm;"
                + " @bottom-left { content: " + cssString(d.footer()) + "; font-family: " + Fonts.CSS_STACK + "; font-size: 7.5pt; color: #666; }"
                + " @bottom-right { content: counter(page) \" / \" counter(pages); font-family: " + Fonts.CSS_STACK
                + "; font-size: 7.5pt; color: #666; } }\n"
                
                + "body { max-width: none; padding: 0; font-size: 9pt; }\n"
                + "h1 { font-size: 17pt; } p.subtitle { font-size: 12pt; } p.meta { font-size: 8pt; }\n"
                + "h2 { font-size: 12pt; page-break-after: avoid; } h3 { page-break-after: avoid; }\n"
                + "section.first { margin-top: 18px; }\n"
                + "h2 { font-size: 12pt; } h3 { font-size: 9.5pt; margin: 8px 0 4px; }\n"
                + "p.note { font-size: 7.5pt; } p.text { font-size: 9pt; }\n"
                + "table.data { font-size: 8.5pt; -fs-table-paginate: paginate; }\n"
                + "table.data th { padding: 3px 4px; } table.data td { padding: 2px 4px; }\n"
                + "table.wide { font-size: 7.5pt; }\n"
                + "div.column { padding-left: 12px; } div.column table.data { font-size: 7.5pt; }\n"
                + "table.data tr { page-break-inside: avoid; }\n"
                + "section.break { page-break-before: always; }\n"
                
                + "figure.chart, div.columns, div.table { page-break-inside: avoid; }\n"
                + "figure.chart figcaption { font-size: 9.5pt; }\n"
                + "div.nodata { font-size: 11pt; }\n";
    }

    /** A CSS string literal. */
    private static String cssString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }

    static String resource(String name) {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
