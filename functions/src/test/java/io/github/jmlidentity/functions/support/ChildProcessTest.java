package io.github.jmlidentity.functions.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A child is always waited for with a bound: a hung one is killed, with its descendants, and never hangs the build. */
class ChildProcessTest {

    @Test
    void a_child_that_never_exits_is_killed_at_the_bound_with_what_it_printed() {
        // GIVEN a child that prints more than a pipe holds, starts a grandchild holding its output, and never exits
        ChildProcess hung = ChildProcess.start(List.of("bash", "-c",
                "yes x | head -c 200000; echo; echo started; sleep 600 & wait"), Map.of(), null);
        long started = System.nanoTime();

        // WHEN it is waited for with a bound of 3 s
        // THEN the wait ends near the bound with what the child printed, and the child and its grandchild are gone
        assertThatThrownBy(() -> hung.await(Duration.ofSeconds(3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not finish within PT3S")
                .hasMessageContaining("started");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void a_child_that_exits_gives_its_exit_code_and_all_its_output() {
        ChildProcess.Result result = ChildProcess.run(List.of("bash", "-c",
                "yes y | head -c 300000; echo; echo oops >&2; exit 3"), Map.of("JML_X", "1"), null,
                Duration.ofMinutes(1));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).hasSizeGreaterThan(300_000).contains("oops");
    }
}
