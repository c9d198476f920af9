package be.keten.stats.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The output formats of a report; PDF and XLSX are binary. */
public enum ReportFormat {
    HTML("html", false), PDF("pdf", true), JSON("json", false), XLSX("xlsx", true);

    private final String code;
    private final boolean binary;

    ReportFormat(String code, boolean binary) {
        this.code = code;
        this.binary = binary;
    }

    public String code() {
        return code;
    }

    /** Binary formats are never written to a terminal: they need a file. */
    public boolean binary() {
        return binary;
    }

    public static ReportFormat of(String code) {
        for (ReportFormat f : values()) {
            if (f.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + code + "': expected one of "
                + Arrays.stream(values()).map(ReportFormat::code).collect(Collectors.joining(", ")));
    }
}
