package io.github.jmlidentity.cli;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * `jml` runs the functions as the Lambda handlers do: through the inbound port and the composition root
 * (LifecycleFunctions), never by reaching into the functions' adapters.
 */
@AnalyzeClasses(packages = "io.github.jmlidentity.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule the_cli_does_not_import_the_functions_adapters = noClasses()
            .that().resideInAPackage("io.github.jmlidentity.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.github.jmlidentity.functions.adapter..");
}
