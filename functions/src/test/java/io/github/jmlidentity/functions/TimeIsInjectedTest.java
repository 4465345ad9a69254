package io.github.jmlidentity.functions;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.github.jmlidentity.functions.support.DynaliteProcess;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Time is injected: the code reads the time from the Clock it is given, never from {@code Instant.now()}, and no test
 * sleeps to let time pass (it moves a clock instead). The exceptions: DynaliteProcess polls a child process until it
 * listens, which waits for the child, not for time (ManualClock, the clock a test moves, lives in identitystore-local).
 */
class TimeIsInjectedTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.github.jmlidentity.functions");
    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages("io.github.jmlidentity.functions");

    @Test
    void the_code_reads_the_time_from_its_clock() {
        ArchRule rule = noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("code takes a Clock (LifecycleFunctions.Builder.clock), so that tests and `jml invoke` set the time");
        rule.check(MAIN);
    }

    @Test
    void no_test_sleeps_or_reads_the_machines_time() {
        ArchRule rule = noClasses().that().doNotBelongToAnyOf(DynaliteProcess.class)
                .should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(TimeUnit.class, "sleep", long.class)
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("a test moves a clock (ManualClock, Clock.fixed) instead of waiting for time to pass");
        rule.check(TESTS);
    }
}
