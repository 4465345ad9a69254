package io.github.jmlidentity.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.jmlidentity.functions.support.ChildProcess;
import org.junit.jupiter.api.Test;

/**
 * The `jml` tests start child JVMs (the report under a 256 MB heap, ten concurrent `jml invoke`s): each through
 * {@link ChildProcess}, which waits with a bound, never by reading a child's output to its end first.
 */
class ChildProcessesAreBoundedTest {

    @Test
    void only_child_process_reads_a_child_or_waits_for_it() {
        noClasses().should().callMethod(Process.class, "waitFor")
                .orShould().callMethod(Process.class, "getInputStream")
                .orShould().callMethod(Process.class, "getErrorStream")
                .because("a child is waited for with a bound (ChildProcess)")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                        .importPackages("io.github.jmlidentity.cli"));
    }
}
