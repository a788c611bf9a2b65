package com.papertrader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of the code (README, "Where things live"), checked on the compiled main classes: the domain depends
 * on no other layer and on no container API; the application owns its ports and depends on no adapter and no edge;
 * the edges (pages, API, timer) reach the application only through it, never an adapter directly.
 */
class ArchitectureTest {

    private static final String DOMAIN = "com.papertrader.domain..";
    private static final String APPLICATION = "com.papertrader.application..";
    private static final String INFRASTRUCTURE = "com.papertrader.infrastructure..";
    private static final String INTERFACES = "com.papertrader.interfaces..";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.papertrader");

    @Test
    void theDomainDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, INFRASTRUCTURE, INTERFACES)
                .check(MAIN);
    }

    @Test
    void theDomainNeedsNoContainer() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..", "jakarta.persistence..",
                        "jakarta.validation..", "jakarta.json..")
                .check(MAIN);
    }

    @Test
    void theApplicationDependsOnNoAdapterAndNoEdge() {
        noClasses().that().resideInAPackage(APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE, INTERFACES)
                .check(MAIN);
    }

    @Test
    void theEdgesReachNoAdapter() {
        noClasses().that().resideInAPackage(INTERFACES)
                .should().dependOnClassesThat().resideInAPackage(INFRASTRUCTURE)
                .check(MAIN);
    }

    @Test
    void theAdaptersServeNoEdge() {
        noClasses().that().resideInAPackage(INFRASTRUCTURE)
                .should().dependOnClassesThat().resideInAPackage(INTERFACES)
                .check(MAIN);
    }
}
