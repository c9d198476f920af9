package be.keten.stats.report;

import be.keten.stats.report.Document.Paragraph;
import java.util.List;
import java.util.OptionalLong;

/** The workload section's sentences about the normal workload and the real backlog (GUIDE §5.2). */
final class Workload {
    private Workload() {
    }

    /**
     * The seed's two sentences, or what replaces them: without a normal workload for the date there is
     * no real backlog to state; below the normal workload there is none, and a negative number of
     * dossiers "in backlog" would mislead.
     */
    static List<Paragraph> backlogSentences(Messages m, OptionalLong normal, OptionalLong backlog) {
        if (normal.isEmpty() || backlog.isEmpty()) {
            return List.of(Paragraph.text(m.get("workload.no_normal")));
        }
        String normalSentence = m.get("workload.normal", m.integer(normal.getAsLong()));
        long b = backlog.getAsLong();
        return List.of(Paragraph.text(normalSentence + " "
                + (b >= 0 ? m.get("workload.backlog", m.integer(b)) : m.get("workload.below_normal", m.integer(-b)))));
    }
}
