package be.keten.server.web;

import java.util.List;

/**
 * The chain's flow diagram as positioned boxes and arrows (SVG user units, 1100 × 360), drawn by the
 * overview template; all text already in the page's language.
 */
public record FlowDiagram(List<Box> boxes, List<Arrow> arrows) {
    public static final int WIDTH = 225;
    public static final int HEIGHT = 110;

    /** A stage of the chain: a title and up to three lines of figures. */
    public record Box(String id, int x, int y, String title, List<String> lines) {
        public int width() {
            return WIDTH;
        }

        public int height() {
            return HEIGHT;
        }

        /** Baseline of line {@code i} (0 = the title). */
        public int lineY(int i) {
            return y + 28 + i * 24;
        }

        public int textX() {
            return x + 12;
        }
    }

    /** An arrow between two boxes with a label beside its middle. */
    public record Arrow(int x1, int y1, int x2, int y2, String label, int labelX, int labelY) {
        /** From the right edge of {@code a} to the left edge of {@code b}. */
        static Arrow right(Box a, Box b, String label) {
            int y = a.y() + HEIGHT / 2;
            int x1 = a.x() + WIDTH;
            int x2 = b.x() - 4;
            return new Arrow(x1, y, x2, b.y() + HEIGHT / 2, label, (x1 + x2) / 2, y - 8);
        }

        /** From the bottom of {@code a} to the left edge of {@code b} (below and to the right). */
        static Arrow down(Box a, Box b, String label) {
            int x1 = a.x() + WIDTH / 2;
            int y1 = a.y() + HEIGHT;
            int x2 = b.x() - 4;
            int y2 = b.y() + HEIGHT / 2;
            return new Arrow(x1, y1, x2, y2, label, (x1 + x2) / 2 - 30, (y1 + y2) / 2 + 10);
        }
    }
}
