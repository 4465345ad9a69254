package io.github.jmlidentity.cli;

import io.github.jmlidentity.cli.options.LedgerOptions;
import io.github.jmlidentity.functions.application.port.in.ScheduledChanges;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.ScheduledChange;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jml scheduled}: the changes HR entered ahead of time, kept with the ledger until they are due. */
@Command(name = "scheduled",
        mixinStandardHelpOptions = true,
        description = {
                "The changes HR entered ahead of time (an event whose effectiveAt is later than now is SCHEDULED), kept "
                        + "with the ledger (--ledger FILE keeps them in FILE.pending.json; --ledger-table in the table) "
                        + "until they are due. Deployed, the scheduler function applies them every 5 minutes; here "
                        + "`run-due` does.",
                "",
                "Examples (after `jml local`):",
                "  jml invoke auto events/leaver.json --now 2026-06-01T09:00:00Z --endpoint-url http://127.0.0.1:8190",
                "  jml scheduled list",
                "  jml scheduled run-due --now 2026-06-30T17:05:00Z --endpoint-url http://127.0.0.1:8190",
                ""},
        subcommands = {ScheduledCommand.ListCommand.class, ScheduledCommand.RunDueCommand.class})
final class ScheduledCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Lists the pending changes, the earliest due first: due time, employee, user name, change, "
                    + "HR event id, effective time, state (PENDING, or RUNNING while being applied).",
                    "", "Example:", "  jml scheduled list --ledger .jml/ledger.json", ""})
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        LedgerOptions ledger;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<ScheduledChanges.Pending> pending = ledger.listPending(System.getenv());
            out.println(String.format("%-24s %-12s %-16s %-24s %-28s %-24s %s", "DUE", "EMPLOYEE", "USER", "CHANGE",
                    "HR EVENT", "EFFECTIVE", "STATE").stripTrailing());
            for (ScheduledChanges.Pending p : pending) {
                ScheduledChange c = p.change();
                out.println(String.format("%-24s %-12s %-16s %-24s %-28s %-24s %s", c.dueAt(), p.employeeId(),
                        c.userName() == null ? "-" : c.userName(), c.label(), c.hrEventId(), c.effectiveAt(),
                        c.state()).stripTrailing());
            }
            spec.commandLine().getErr().println("jml scheduled list: " + pending.size() + " pending change(s)");
            return 0;
        }
    }

    @Command(name = "run-due", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Applies every change due by now (--now, default the real clock), the earliest first, through "
                    + "the functions' code exactly as the deployed scheduler does: each prints its audit record (JSON "
                    + "lines) on stdout; a summary goes to stderr. A change that fails in a way a retry may fix stays "
                    + "pending for the next run.",
                    "Exit code: 0 when every change ended APPLIED, NO_CHANGE, DUPLICATE, STALE or PLANNED; 1 when any "
                            + "was REJECTED or FAILED; 2 for a usage or configuration error.",
                    "", "Example:",
                    "  jml scheduled run-due --now 2026-06-30T17:05:00Z --endpoint-url http://127.0.0.1:8190", ""})
    static final class RunDueCommand extends HrEventsCommand {

        @Override
        protected int run(PrintWriter out, PrintWriter err, Map<String, String> env, LocalAws aws, String storeId) {
            Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
            return withClients(env, aws, storeId, wiring -> wiring
                    .dryRun(dryRun)
                    .auditLines(FunctionsTarget.auditLinesTo(out))
                    .buildFunctions().scheduled(), scheduled -> {
                ScheduledChanges.DueRun run = scheduled.runDue(null, result -> {
                    outcomes.merge(result.outcome(), 1, Integer::sum);
                    if (result.audit().isFailure()) {
                        err.println("jml scheduled run-due: " + result.audit().event().hrEventId() + ": "
                                + result.outcome() + " " + result.audit().verdict().errorType() + ": "
                                + result.audit().verdict().reason());
                    }
                    err.flush();
                });
                Instant now = run.now();
                err.println("jml scheduled run-due: as of " + now + ": " + run.results().size() + " due change(s)"
                        + (outcomes.isEmpty() ? "" : ": " + outcomes.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
                        + (run.oldestDueAt() == null ? "" : "; still due (retried next run): oldest due at "
                        + run.oldestDueAt()));
                int failures = outcomes.getOrDefault(Outcome.REJECTED, 0) + outcomes.getOrDefault(Outcome.FAILED, 0);
                return failures > 0 ? 1 : 0;
            });
        }
    }
}
