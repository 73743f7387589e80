package io.camfleet.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layers of DESIGN.md, enforced: domain -> service -> adapters; ui and cli on top; app wires. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.camfleet.console");
    }

    @Test
    void theDomainHasNoToolkitNoJdbcNoSdksAndNoJson() {
        ArchRule rule = noClasses().that().resideInAPackage("..console.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "java.sql..", "javax.sql..", "software.amazon..", "net.schmizz..",
                        "com.fasterxml..", "org.slf4j..", "java.io..", "java.nio.file..", "java.net..");
        rule.check(classes);
    }

    @Test
    void theUiDoesNotReachIntoAdapters() {
        noClasses().that().resideInAPackage("..console.ui..")
                .should().dependOnClassesThat().resideInAPackage("..console.adapter..")
                .check(classes);
    }

    @Test
    void servicesKnowNothingOfAdaptersUiCliOrTheToolkit() {
        noClasses().that().resideInAPackage("..console.service..")
                .should().dependOnClassesThat().resideInAnyPackage("..console.adapter..", "..console.ui..",
                        "..console.cli..", "..console.app..", "javafx..")
                .check(classes);
    }

    @Test
    void nothingOutsideAppWiresThingsTogether() {
        // Adapters are built only by the composition root; no screen, command or service creates one.
        classes().that().resideInAPackage("..console.adapter..")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage("..console.adapter..", "..console.app..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("..console.app..")
                .should().dependOnClassesThat().resideInAPackage("..console.app..")
                .check(classes);
    }

    @Test
    void theLayersPointInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("domain").definedBy("..console.domain..")
                .layer("service").definedBy("..console.service..")
                .layer("adapter").definedBy("..console.adapter..")
                .layer("ui").definedBy("..console.ui..")
                .layer("cli").definedBy("..console.cli..")
                .layer("app").definedBy("..console.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("adapter").mayOnlyBeAccessedByLayers("app")
                .whereLayer("service").mayOnlyBeAccessedByLayers("adapter", "ui", "cli", "app")
                .check(classes);
    }

    @Test
    void thereIsNoGlobalMutableStateAndNoServiceLocator() {
        // Dependencies travel by constructor. Static fields are constants (final), and nothing hands out a shared
        // instance through a static accessor.
        fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("io.camfleet.console..")
                .should().beFinal()
                .check(classes);
        noMethods().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("io.camfleet.console..")
                .should().haveNameMatching("get(Instance|Default|Shared)|instance|shared")
                .check(classes);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("io.camfleet.console.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void screensDoNotReachIntoEachOtherApartFromTheCommonParts() {
        // A screen is one folder under ui; what several share lives in ui.common. The shell finds screens in the
        // registry the features fill, so it imports none of them either.
        slices().matching("io.camfleet.console.ui.(*)..").should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage("..console.ui.common.."))
                .check(classes);
    }

    @Test
    void theStoreIsReachedThroughTheDatabasePort() {
        // The composition root opens the database and takes each capability's store from the port (service.store);
        // the JDBC classes behind it are the store's own, so that another database can stand in for H2.
        noClasses().that().resideOutsideOfPackage("..console.adapter.store..")
                .should().dependOnClassesThat(resideInAPackage("..console.adapter.store..")
                        .and(not(simpleName("CacheDatabase"))))
                .check(classes);
    }

    @Test
    void adaptersDoNotReachIntoEachOther() {
        // Each adapter stands alone behind its service port; only the composition root combines them.
        slices().matching("io.camfleet.console.adapter.(*)..").should().notDependOnEachOther().check(classes);
    }
}
