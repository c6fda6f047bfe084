package care.billing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages read one way (docs/design.md "Layers"): each layer imports only layers below it, the
 * adapters (web, cli) never import each other, and no two packages import each other.
 */
class LayersTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("care.billing");
    }

    @Test
    void eachLayerImportsOnlyLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("config").definedBy("care.billing.config..")
                .layer("model").definedBy("care.billing.model..")
                .layer("ruleset").definedBy("care.billing.ruleset..")
                .layer("evaluation").definedBy("care.billing.evaluation..")
                .layer("scenarios").definedBy("care.billing.scenarios..")
                .layer("governance").definedBy("care.billing.governance..")
                .layer("app").definedBy("care.billing.app..")
                .layer("web").definedBy("care.billing.web..")
                .layer("cli").definedBy("care.billing.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("app").mayOnlyBeAccessedByLayers("web", "cli")
                .whereLayer("governance").mayOnlyBeAccessedByLayers("app", "web", "cli")
                .whereLayer("scenarios").mayOnlyBeAccessedByLayers("governance", "app", "web", "cli")
                .whereLayer("evaluation").mayOnlyBeAccessedByLayers("scenarios", "governance", "app", "web", "cli")
                .whereLayer("ruleset").mayOnlyBeAccessedByLayers("evaluation", "scenarios", "governance", "app", "web", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("ruleset", "evaluation", "scenarios", "governance", "app", "web", "cli")
                .whereLayer("config").mayOnlyBeAccessedByLayers("ruleset", "evaluation", "scenarios", "governance", "app", "web", "cli")
                .check(classes);
    }

    @Test
    void noTwoPackagesImportEachOther() {
        slices().matching("care.billing.(**)").should().beFreeOfCycles().check(classes);
    }
}
