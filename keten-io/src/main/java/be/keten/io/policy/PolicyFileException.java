package be.keten.io.policy;

import java.nio.file.Path;

/** A policy file that cannot be loaded: names the file, the line and the field. Nothing is loaded. */
public final class PolicyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public PolicyFileException(Path file, int line, String field, String message) {
        super(file + ":" + line + (field == null ? "" : ": field '" + field + "'") + ": " + message);
    }
}
