package be.keten.stats.report;

import be.keten.stats.publication.Applicants;
import be.keten.stats.publication.Ranking;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The JSON form's shared pieces. Conventions: counts are integers; rates are fractions (0.431),
 * null when undefined; a month not reached or not covered is null, never 0; nationalities are ISO
 * codes with the country's name in the report's language beside them.
 */
final class Json {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    /**
     * The opening every report's JSON shares: which report and period, language, title, date made,
     * whether there is data, and the store's coverage.
     */
    static ObjectNode header(String report, String periodKey, String period, Language language, String title, java.time.LocalDate generatedOn,
                             boolean hasData, int dossiers, java.util.Optional<be.keten.core.calendar.Period> coverage) {
        ObjectNode root = F.objectNode();
        root.put("report", report);
        root.put(periodKey, period);
        root.put("language", language.code());
        root.put("title", title);
        root.put("generatedOn", generatedOn.toString());
        root.put("hasData", hasData);
        ObjectNode cov = root.putObject("coverage");
        cov.put("dossiers", dossiers);
        cov.put("from", coverage.map(c -> c.from().toString()).orElse(null));
        cov.put("to", coverage.map(c -> c.to().toString()).orElse(null));
        return root;
    }

    static ObjectNode applicants(Applicants a) {
        ObjectNode o = F.objectNode();
        o.put("total", a.total());
        o.put("firstExclResettlement", a.firstExclResettlement());
        o.put("firstResettlement", a.firstResettlement());
        o.put("subsequent", a.subsequent());
        return o;
    }

    static ObjectNode blankApplicants() {
        ObjectNode o = F.objectNode();
        o.putNull("total");
        o.putNull("firstExclResettlement");
        o.putNull("firstResettlement");
        o.putNull("subsequent");
        return o;
    }

    static ObjectNode labels(List<String> codes, List<String> labels) {
        ObjectNode o = F.objectNode();
        for (int i = 0; i < codes.size(); i++) {
            o.put(codes.get(i), labels.get(i));
        }
        return o;
    }

    static <V> ObjectNode ranking(Ranking<V> r, Function<V, ObjectNode> values, Messages m, String rankedBy) {
        ObjectNode o = F.objectNode();
        o.put("rankedBy", rankedBy);
        ArrayNode top = o.putArray("top");
        for (Ranking.Entry<V> e : r.top()) {
            ObjectNode row = top.addObject();
            row.put("rank", e.rank());
            row.put("nationality", e.nationality().code());
            row.put("label", m.country(e.nationality()));
            row.setAll(values.apply(e.value()));
        }
        ObjectNode others = values.apply(r.others());
        others.put("label", m.get("others"));
        o.set("others", others);
        o.set("total", values.apply(r.total()));
        return o;
    }

    static void fraction(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    static void optional(ObjectNode o, String name, OptionalLong v) {
        if (v.isPresent()) {
            o.put(name, v.getAsLong());
        } else {
            o.putNull(name);
        }
    }

    static ObjectNode workload(LocalDate date, long dossiers, long persons, OptionalLong normal, OptionalLong backlog, Messages m) {
        ObjectNode o = F.objectNode();
        o.put("date", date.toString());
        o.put("dossiers", dossiers);
        o.put("persons", persons);
        optional(o, "normalWorkload", normal);
        optional(o, "realBacklog", backlog);
        o.put("definition", m.get("workload.definition"));
        return o;
    }
}
