package io.github.jmlidentity.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.github.jmlidentity.functions.support.ChildProcess;
import org.junit.jupiter.api.Test;

/**
 * Every child process (the benchmarks' JVMs, cdk synth, the report, dynalite) is waited for with a bound: only
 * {@link ChildProcess} touches a Process's streams or waits for it, and it sends the output to a file and waits with
 * a timeout. Reading a child's output to its end before a bounded wait would hang on a child that never exits.
 * Covers the bench, the `jml` code and the functions with their shared test support (all on this class path).
 */
class ChildProcessesAreBoundedTest {

    static final ArchRule ONLY_CHILD_PROCESS_WAITS_FOR_A_CHILD = noClasses()
            .that().doNotBelongToAnyOf(ChildProcess.class)
            .should().callMethod(Process.class, "waitFor")
            .orShould().callMethod(Process.class, "getInputStream")
            .orShould().callMethod(Process.class, "getErrorStream")
            .because("a child is waited for with a bound (ChildProcess: output to a file, waitFor(timeout), "
                    + "destroyForcibly on timeout)");

    @Test
    void only_child_process_reads_a_child_or_waits_for_it() {
        JavaClasses classes = new ClassFileImporter().importPackages("io.github.jmlidentity");
        ONLY_CHILD_PROCESS_WAITS_FOR_A_CHILD.check(classes);
    }
}
