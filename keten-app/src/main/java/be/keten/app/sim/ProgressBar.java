package be.keten.app.sim;

import java.io.PrintWriter;

/** The replications' progress as one line on stderr, redrawn in place (simulate, backtest). */
final class ProgressBar {
    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    static synchronized void show(PrintWriter err, int done, int total) {
        int filled = (int) Math.round(WIDTH * done / (double) total);
        err.print("\rreplications [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
        err.flush();
    }
}
