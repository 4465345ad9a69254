package io.github.jmlidentity.functions;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The hexagon holds: domain and application (with its ports) know nothing of AWS, Lambda or JSON libraries; the
 * Lambda handlers reach the application only through the inbound port, and adapters are built in one composition
 * root.
 */
@AnalyzeClasses(packages = "io.github.jmlidentity.functions", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_and_application_import_no_sdk_lambda_or_jackson = noClasses()
            .that().resideInAnyPackage("..functions.domain..", "..functions.application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "com.fasterxml.jackson..", "com.networknt..");

    @ArchTest
    static final ArchRule domain_depends_on_nothing_outside_itself = noClasses()
            .that().resideInAPackage("..functions.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..functions.application..", "..functions.adapter..", "..functions.wiring..");

    @ArchTest
    static final ArchRule application_does_not_reach_into_adapters_or_wiring = noClasses()
            .that().resideInAPackage("..functions.application..")
            .should().dependOnClassesThat().resideInAnyPackage("..functions.adapter..", "..functions.wiring..");

    /** adapter.in imports no adapter.out, and reaches the application only through its inbound port. */
    @ArchTest
    static final ArchRule lambda_handlers_use_the_inbound_port_not_outbound_adapters = noClasses()
            .that().resideInAPackage("..functions.adapter.in..")
            .should().dependOnClassesThat().resideInAnyPackage("..functions.adapter.out..",
                    "..functions.application", "..functions.application.port.out..");

    @ArchTest
    static final ArchRule outbound_adapters_are_wired_only_in_the_composition_root = classes()
            .that().resideInAPackage("..functions.adapter.out..")
            .should().onlyHaveDependentClassesThat().resideInAnyPackage("..functions.adapter.out..", "..functions.wiring..");
}
