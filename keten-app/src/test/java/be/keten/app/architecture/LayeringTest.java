package be.keten.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of ARCHITECTURE.md: core knows nothing but the JDK; formats above it; store and
 * statistics side by side above those (statistics never reads the database); simulation above
 * statistics; the server above all of them; the command line on top.
 */
class LayeringTest {
    private static JavaClasses keten;

    @BeforeAll
    static void importClasses() {
        keten = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("be.keten");
    }

    @Test
    void coreDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("be.keten.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("be.keten.core..", "java..")
                .because("keten-core is plain Java: no database, HTTP, file format or library")
                .check(keten);
    }

    @Test
    void modulesDependDownwardsOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("be.keten.core..")
                .layer("io").definedBy("be.keten.io..")
                .layer("store").definedBy("be.keten.store..")
                .layer("stats").definedBy("be.keten.stats..")
                .layer("sim").definedBy("be.keten.sim..")
                .layer("server").definedBy("be.keten.server..")
                .layer("app").definedBy("be.keten.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("server").mayOnlyBeAccessedByLayers("app")
                .whereLayer("store").mayOnlyBeAccessedByLayers("server", "app")
                .whereLayer("sim").mayOnlyBeAccessedByLayers("server", "app")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("sim", "server", "app")
                .whereLayer("io").mayOnlyBeAccessedByLayers("store", "stats", "sim", "server", "app")
                .whereLayer("core").mayOnlyBeAccessedByLayers("io", "store", "stats", "sim", "server", "app")
                .check(keten);
    }

    @Test
    void sqlStaysInTheStore() {
        noClasses().that().resideOutsideOfPackage("be.keten.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..")
                .because("only keten-store talks to the database")
                .check(keten);
    }

    @Test
    void theClassesWereFound() {
        // Guards the rules above against passing on an empty import.
        org.assertj.core.api.Assertions.assertThat(keten.containPackage("be.keten.core.rulebook")).isTrue();
        org.assertj.core.api.Assertions.assertThat(keten.containPackage("be.keten.app.cli")).isTrue();
        org.assertj.core.api.Assertions.assertThat(keten.containPackage("be.keten.stats")).isTrue();
        org.assertj.core.api.Assertions.assertThat(keten.containPackage("be.keten.server.security")).isTrue();
    }
}
