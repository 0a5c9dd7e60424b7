package conformance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3: the engine knows OpenAPI and nothing else. Its packages reach the Chatwoot client API only through the
 * extension interfaces; the Chatwoot package and its embedded target may use the engine, never the reverse. Unit
 * tests of engine classes may build Chatwoot objects to feed them; the rule is about the suite's own classes.
 */
class ArchitectureTest {
    private static final String[] ENGINE = {"conformance.config..", "conformance.contract..", "conformance.generation..",
        "conformance.fixtures..", "conformance.extension..", "conformance.exchange..", "conformance.checks..",
        "conformance.links..", "conformance.shrink..", "conformance.verdict..", "conformance.report..", "conformance.run..", "conformance.merge.."};
    /** The suite's own classes, read from where Maven compiled them (scanning the whole class path takes half a minute). */
    private static final JavaClasses SUITE = new ClassFileImporter().importPath(Path.of("target", "test-classes", "conformance"));

    @Test
    void theEngineDoesNotDependOnTheChatwootPackageOrItsEmbeddedTarget() {
        ArchRule rule = noClasses().that().resideInAnyPackage(ENGINE).and().haveNameNotMatching(".*Test(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("conformance.chatwoot..", "conformance.reference..")
                .because("words like inbox, contact, HMAC or dialect live in the Chatwoot package (DESIGN §3)");
        rule.check(SUITE);
    }
}
