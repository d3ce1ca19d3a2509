package ai.dfc.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.model.archfixture.ModelUsesGuice;
import ai.dfc.train.archfixture.TrainUsesEval;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §2 as import rules over every module's production classes (the enforcer plugin checks the declared
 * Maven dependencies; these rules check what the code actually uses).
 */
class ArchitectureTest {
    /** Module package → the module packages it may use (besides its own). */
    private static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("api", List.of());
        ALLOWED.put("geometry", List.of("api"));
        ALLOWED.put("benchdata", List.of("api", "geometry"));
        ALLOWED.put("labeling", List.of("api", "geometry", "benchdata"));
        ALLOWED.put("model", List.of("api", "geometry"));
        ALLOWED.put("train", List.of("api", "model", "benchdata"));
        ALLOWED.put("eval", List.of("api", "model", "benchdata", "geometry"));
        ALLOWED.put("runtime", List.of("api"));
        ALLOWED.put("testing", List.of("api", "runtime"));
    }

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ai.dfc");

    static List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        ALLOWED.forEach((module, allowed) -> {
            List<String> packages = new ArrayList<>();
            packages.add("ai.dfc." + module + "..");
            allowed.forEach(a -> packages.add("ai.dfc." + a + ".."));
            rules.add(classes().that().resideInAPackage("ai.dfc." + module + "..")
                    .should().onlyDependOnClassesThat(resideOutsideOfPackage("ai.dfc..")
                            .or(resideInAnyPackage(packages.toArray(String[]::new))))
                    .as("ai.dfc." + module + " uses only " + (allowed.isEmpty() ? "itself" : allowed) + " of ours")
                    .allowEmptyShould(true));
        });
        rules.add(noClasses().that().resideInAPackage("ai.dfc..")
                .and(not(resideInAnyPackage("ai.dfc.runtime..", "ai.dfc.cli..")))
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..")
                .as("Guice stays in dfc-runtime and dfc-cli").allowEmptyShould(true));
        rules.add(noClasses().that().resideInAPackage("ai.dfc..").and(not(resideInAnyPackage("ai.dfc.cli..")))
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j.linalg.cpu..", "org.nd4j.linalg.jcublas..",
                        "org.nd4j.nativeblas..")
                .as("only dfc-cli picks the ND4J backend").allowEmptyShould(true));
        rules.add(noClasses().that().resideInAPackage("ai.dfc.api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.databind..", "java.net..",
                        "org.apache.commons..")
                .as("dfc-api has no I/O or binding code").allowEmptyShould(true));
        return rules;
    }

    @Test
    void productionCodeFollowsTheModuleGraph() {
        assertThat(PRODUCTION.stream().map(c -> c.getPackageName()).distinct())
                .contains("ai.dfc.api.plugin", "ai.dfc.runtime.config", "ai.dfc.cli", "ai.dfc.testing");
        for (ArchRule rule : rules()) {
            rule.check(PRODUCTION);
        }
    }

    @Test
    void theRulesCatchViolations() {
        JavaClasses offenders = new ClassFileImporter().importClasses(TrainUsesEval.class, ModelUsesGuice.class);
        List<String> failing = rules().stream().filter(r -> r.evaluate(offenders).hasViolation())
                .map(ArchRule::getDescription).toList();
        assertThat(failing).containsExactlyInAnyOrder(
                "ai.dfc.train uses only [api, model, benchdata] of ours", "Guice stays in dfc-runtime and dfc-cli");
    }
}
