package be.keten.store;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Runs each {@link EngineTest} once per engine, skipping PostgreSQL visibly when it is not configured. */
public final class Engines implements TestTemplateInvocationContextProvider {
    static final String SKIPPED = "PostgreSQL tests skipped: KETEN_PG_URL not set";
    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Engines.class);

    /** The PostgreSQL URL from the environment; Maven passes an unresolved "${env...}" when it is unset. */
    static String postgresUrl() {
        String v = System.getenv("KETEN_PG_URL");
        return v == null || v.isBlank() || v.startsWith("${") ? null : v;
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(invocation(Dialect.H2), invocation(Dialect.POSTGRESQL));
    }

    private static TestTemplateInvocationContext invocation(Dialect dialect) {
        String name = dialect == Dialect.H2 ? "H2" : "PostgreSQL";
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return "[" + name + "]";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(condition(dialect), resolver(dialect));
            }
        };
    }

    private static ExecutionCondition condition(Dialect dialect) {
        return context -> {
            if (dialect == Dialect.POSTGRESQL && postgresUrl() == null) {
                if (ANNOUNCED.compareAndSet(false, true)) {
                    System.out.println("*** " + SKIPPED + " ***");
                }
                return ConditionEvaluationResult.disabled(SKIPPED);
            }
            return ConditionEvaluationResult.enabled(dialect + " configured");
        };
    }

    private static ParameterResolver resolver(Dialect dialect) {
        return new ParameterResolver() {
            @Override
            public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
                return p.getParameter().getType() == Engine.class;
            }

            @Override
            public Object resolveParameter(ParameterContext p, ExtensionContext e) {
                // Kept in the invocation's store so JUnit closes it (dropping its databases) after the test.
                return e.getStore(NS).getOrComputeIfAbsent("engine", k -> new Engine(dialect, postgresUrl()), Engine.class);
            }
        };
    }
}
