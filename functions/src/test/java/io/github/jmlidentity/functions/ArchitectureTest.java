package io.github.jmlidentity.functions;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The hexagon holds: domain and application know nothing of AWS, Lambda or JSON libraries. */
@AnalyzeClasses(packages = "io.github.jmlidentity.functions", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_and_application_import_no_sdk_lambda_or_jackson = noClasses()
            .that().resideInAnyPackage("..functions.domain..", "..functions.application..", "..functions.port..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "com.fasterxml.jackson..", "com.networknt..");

    @ArchTest
    static final ArchRule domain_depends_on_nothing_outside_itself = noClasses()
            .that().resideInAPackage("..functions.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..functions.application..", "..functions.port..", "..functions.adapter..");

    @ArchTest
    static final ArchRule application_does_not_reach_into_adapters = noClasses()
            .that().resideInAnyPackage("..functions.application..", "..functions.port..")
            .should().dependOnClassesThat().resideInAPackage("..functions.adapter..");
}
