package io.github.jmlidentity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * `--help` teaches every command: walked from the command tree itself (every command, every alias, at every depth), so
 * a command added later is covered without touching this test. Each prints its usage on stdout and exits 0, even when
 * the command's required parameters are missing.
 */
class HelpOnEveryCommandTest {

    @TestFactory
    List<DynamicTest> every_command_and_alias_prints_its_help_and_exits_0() {
        Map<List<String>, String> commands = new LinkedHashMap<>();
        walk(JmlCommand.commandLine(), List.of(), commands);
        assertThat(commands.keySet()).extracting(path -> String.join(" ", path))
                .contains("", "invoke", "local", "demo", "report", "create-user", "create_user", "help");

        List<DynamicTest> tests = new ArrayList<>();
        commands.forEach((path, qualifiedName) -> {
            for (String helpOption : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(helpOption);
                tests.add(DynamicTest.dynamicTest("jml " + String.join(" ", args), () -> {
                    // WHEN a user asks a command for help
                    CliRun run = CliRun.jml(args);

                    // THEN its usage is printed and nothing is reported as an error
                    assertThat(run.exitCode()).as(run.err()).isZero();
                    assertThat(run.out()).contains("Usage: " + qualifiedName + " ");
                    assertThat(run.err()).isEmpty();
                }));
            }
        });
        return tests;
    }

    @TestFactory
    List<DynamicTest> a_command_line_built_for_one_subcommand_is_that_subcommand_as_the_whole_tree_has_it() {
        CommandLine whole = JmlCommand.commandLine();
        List<DynamicTest> tests = new ArrayList<>();
        whole.getSubcommands().forEach((name, full) -> tests.add(DynamicTest.dynamicTest("jml " + name, () -> {
            CommandLine alone = JmlCommand.commandLineFor(new String[] {name});
            CommandLine sub = alone.getSubcommands().get(name);
            assertThat(sub).as("built for " + name).isNotNull();
            assertThat(sub.getCommandSpec().userObject().getClass()).isEqualTo(full.getCommandSpec().userObject().getClass());
            assertThat(sub.getCommandSpec().optionsMap().keySet())
                    .containsExactlyInAnyOrderElementsOf(full.getCommandSpec().optionsMap().keySet());
            assertThat(sub.getCommandSpec().aliases()).containsExactly(full.getCommandSpec().aliases());
        })));
        return tests;
    }

    /** Every command under {@code command}, by each of the paths (names and aliases) that reach it. */
    private static void walk(CommandLine command, List<String> path, Map<List<String>, String> found) {
        found.put(path, command.getCommandSpec().qualifiedName());
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            walk(sub, subPath, found);
        });
    }
}
