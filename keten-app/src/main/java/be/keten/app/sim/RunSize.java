package be.keten.app.sim;

import be.keten.app.cli.ExitCode;
import java.io.PrintWriter;

/** The bounds of a simulation run's size, shared by the commands that run the engine (simulate, backtest). */
final class RunSize {
    static final int MAX_REPLICATIONS = 100_000;
    static final int MAX_THREADS = 1024;

    private RunSize() {
    }

    /** Null when {@code --replications} and {@code --threads} are within bounds; else the usage exit code, the problem told on {@code err}. */
    static Integer refused(int replications, Integer threads, PrintWriter err) {
        if (replications < 1 || replications > MAX_REPLICATIONS) {
            err.println("--replications: " + replications + " is not valid; allowed: 1 to " + MAX_REPLICATIONS);
            return ExitCode.USAGE;
        }
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            err.println("--threads: " + threads + " is not valid; allowed: 1 to " + MAX_THREADS);
            return ExitCode.USAGE;
        }
        return null;
    }
}
