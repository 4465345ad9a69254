package io.github.jmlidentity.bench;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The benchmarks measure the functions through the inbound port and the composition root (and the cold-start
 * launcher loads the handler by the contract's class name, as Lambda does), never through the functions' adapters.
 */
@AnalyzeClasses(packages = "io.github.jmlidentity.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchArchitectureTest {

    @ArchTest
    static final ArchRule the_bench_does_not_import_the_functions_adapters = noClasses()
            .that().resideInAPackage("io.github.jmlidentity.bench..")
            .should().dependOnClassesThat().resideInAPackage("io.github.jmlidentity.functions.adapter..");
}
