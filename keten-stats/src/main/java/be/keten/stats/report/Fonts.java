package be.keten.stats.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The report font, shipped as a resource (DejaVu Sans Condensed, Bitstream Vera licence, see
 * {@code fonts/LICENSE.txt}) so that charts measure their labels and the PDF embeds its text the
 * same way on every machine, whatever fonts the system has.
 */
final class Fonts {
    static final String FAMILY = "DejaVu Sans Condensed";
    /** The CSS stack: the shipped font in the PDF, then what a browser has. */
    static final String CSS_STACK = "'DejaVu Sans Condensed', 'DejaVu Sans', 'Arial Narrow', Arial, Helvetica, sans-serif";
    static final String REGULAR = "fonts/DejaVuSansCondensed.ttf";
    static final String BOLD = "fonts/DejaVuSansCondensed-Bold.ttf";

    private static volatile Font regular;
    private static volatile Font bold;

    private Fonts() {
    }

    static InputStream open(String resource) {
        InputStream in = Fonts.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("font resource missing: " + resource);
        }
        return in;
    }

    /** The AWT font at a size, bold or not. */
    static Font awt(boolean isBold, float size) {
        return (isBold ? boldFont() : regularFont()).deriveFont(isBold ? Font.BOLD : Font.PLAIN, size);
    }

    private static Font regularFont() {
        if (regular == null) {
            regular = load(REGULAR);
        }
        return regular;
    }

    private static Font boldFont() {
        if (bold == null) {
            bold = load(BOLD);
        }
        return bold;
    }

    private static Font load(String resource) {
        try (InputStream in = open(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bad font " + resource, e);
        }
    }
}
