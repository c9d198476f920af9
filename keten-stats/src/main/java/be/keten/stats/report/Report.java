package be.keten.stats.report;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A report that can be laid out in any of the three languages and written in any format ({@link ReportWriter}). */
public interface Report {
    /** The report laid out for people: HTML, PDF and XLSX are drawn from it. */
    Document document(Language language);

    /** The same content for machines: codes and raw values, with the labels of the language. */
    ObjectNode json(Language language);

    /** False when the period asked for has no data: the report then says so and shows no figures. */
    boolean hasData();
}
