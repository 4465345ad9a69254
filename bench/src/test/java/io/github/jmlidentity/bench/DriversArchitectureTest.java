package io.github.jmlidentity.bench;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The functions' other drivers, `jml` and the benchmarks (the bench's class path holds both), run them as the Lambda
 * handlers do: through the inbound port and the composition root, never by reaching into the functions' adapters.
 * The cold-start launcher loads its handler by the contract's class name, as Lambda does.
 */
@AnalyzeClasses(packages = {"io.github.jmlidentity.cli", "io.github.jmlidentity.bench"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class DriversArchitectureTest {

    @ArchTest
    static final ArchRule the_cli_and_the_bench_do_not_import_the_functions_adapters = noClasses()
            .that().resideInAnyPackage("io.github.jmlidentity.cli..", "io.github.jmlidentity.bench..")
            .should().dependOnClassesThat().resideInAPackage("io.github.jmlidentity.functions.adapter..");
}
