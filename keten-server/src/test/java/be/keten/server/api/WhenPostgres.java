package be.keten.server.api;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when {@code KETEN_PG_URL} names a PostgreSQL database (as the store's
 * engine tests do), and says so visibly when it does not. Evaluated before Spring starts a context.
 */
public final class WhenPostgres implements ExecutionCondition {
    static final String SKIPPED = "PostgreSQL tests skipped: KETEN_PG_URL not set";
    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    /** The URL from the environment; Maven passes an unresolved "${env...}" when it is unset. */
    static String url() {
        String v = System.getenv("KETEN_PG_URL");
        return v == null || v.isBlank() || v.startsWith("${") ? null : v;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (url() == null) {
            if (ANNOUNCED.compareAndSet(false, true)) {
                System.out.println("*** " + SKIPPED + " (" + context.getDisplayName() + ") ***");
            }
            return ConditionEvaluationResult.disabled(SKIPPED);
        }
        return ConditionEvaluationResult.enabled("KETEN_PG_URL set");
    }
}
