package io.github.jmlidentity.identitycenter;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The failure classes are plain Java, so that the functions' ports may throw them and stay free of the SDK. */
@AnalyzeClasses(packages = "io.github.jmlidentity.identitycenter", importOptions = ImportOption.DoNotIncludeTests.class)
class DirectoryFailureArchitectureTest {

    @ArchTest
    static final ArchRule failures_are_plain_java = noClasses()
            .that().resideInAPackage("io.github.jmlidentity.identitycenter")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "..identitycenter.sdk..");
}
