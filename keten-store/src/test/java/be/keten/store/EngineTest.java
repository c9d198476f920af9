package be.keten.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test written once and run on every engine: H2 always, PostgreSQL when {@code KETEN_PG_URL} is
 * set. The test method takes an {@link Engine} parameter and opens fresh databases from it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(Engines.class)
public @interface EngineTest {
}
