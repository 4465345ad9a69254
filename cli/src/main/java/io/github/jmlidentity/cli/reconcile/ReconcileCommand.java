package io.github.jmlidentity.cli.reconcile;

import io.github.jmlidentity.cli.BadSettingException;
import io.github.jmlidentity.cli.FunctionsCommand;
import io.github.jmlidentity.cli.FunctionsTarget;
import io.github.jmlidentity.cli.LocalAws;
import io.github.jmlidentity.cli.output.OutputFormat;
import io.github.jmlidentity.functions.application.port.in.ReconcileRequest;
import io.github.jmlidentity.functions.application.port.in.ReconcileResult;
import io.github.jmlidentity.functions.domain.reconcile.AdoptionRule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jml reconcile}: an HR roster against the directory; plan by default, {@code --apply} carries it out. */
@Command(name = "reconcile", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Compares a full HR roster with the directory and plans, for each employee and directory user:",
                "  JOIN       in the roster, active, no user: create it",
                "  MOVE       attribute or managed-group drift (each difference listed): converge",
                "  LEAVE      a managed user (employeeNumber, or known to the ledger) whose employee is absent from",
                "             the roster or terminated: remove it (leaverPolicy)",
                "  ADOPT      (--adopt) a user without employeeNumber matching an active row by userName and primary",
                "             email: set its employeeNumber, record it in the ledger, then MOVE",
                "  CONFLICT   the name belongs to another employee's user, several candidates, a protected user:",
                "             never changed",
                "  UNMANAGED  no employeeNumber and no roster row: never changed",
                "  STALE      the ledger holds this snapshot's change or a later HR event: nothing to do",
                "  OK         the directory matches the roster",
                "--apply applies JOIN, MOVE, LEAVE and ADOPT as HR events dated --as-of (eventId "
                        + "reconcile:<as-of>:<employeeId>) through the functions' own code: ledger ordering (a later HR "
                        + "event wins), duplicates, the mass-deletion guard, one audit record each (source reconcile, "
                        + "JSON lines on stdout with --audit). With a CONFLICT in the plan, or more LEAVE than "
                        + "--max-leavers, no LEAVE is applied and the summary says why.",
                "The roster: CSV with a header (employeeId,userName,givenName,familyName,email plus any of displayName,"
                        + "title,department,division,organization,costCenter,managerEmployeeId,location,employmentType,"
                        + "locale,timezone,preferredLanguage,status=active|terminated), or JSON Lines of the event "
                        + "detail shape. Each row is checked by the event schema; a bad row or a duplicate employeeId or "
                        + "userName refuses the whole roster (exit 2), naming the line and field.",
                "Exit code: 0 nothing to do, a plan without conflicts, or all applied; 1 conflicts, failures or "
                        + "withheld leavers; 2 usage or roster errors. Progress on stderr.",
                "",
                "Examples (after `jml local`):",
                "  jml reconcile --roster hr.csv --endpoint-url http://127.0.0.1:8190",
                "  jml reconcile --roster hr.csv --adopt --apply --as-of 2026-03-01T00:00:00Z \\",
                "      --endpoint-url http://127.0.0.1:8190",
                ""},
        exitCodeOnInvalidInput = 2)
public final class ReconcileCommand extends FunctionsCommand {

    @Option(names = "--roster", required = true, paramLabel = "FILE",
            description = "The HR roster: CSV with a header, or JSON Lines (.jsonl) of the event detail shape.")
    Path roster;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "When the snapshot was taken, RFC 3339 (e.g. 2026-03-01T00:00:00Z). Default: now. Every "
                    + "change is dated then, so an HR event with a later effectiveAt wins.")
    String asOf;

    @Option(names = "--apply", description = "Carry the plan out (default: plan only, nothing written).")
    boolean apply;

    @Option(names = "--adopt", description = "Adopt directory users without employeeNumber that match an active "
            + "roster row (see --adopt-by). Protected users are never adopted.")
    boolean adopt;

    @Option(names = "--adopt-by", paramLabel = "MATCH", defaultValue = "userName+email",
            description = "What must match to adopt: userName+email (default; both ignoring case) or userName "
                    + "(relaxed explicitly). Needs --adopt.")
    String adoptBy;

    @Option(names = "--max-leavers", paramLabel = "N",
            description = "The most LEAVE items one run applies; with more, none is (default: the rules' "
                    + "massDeletionGuard.maxLeaversPerHour). A value above the rules' cap also lets these leavers past "
                    + "the hourly guard.")
    Integer maxLeavers;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or csv.")
    OutputFormat output;

    @Option(names = "--audit", description = "Also print the audit record of every change (JSON lines) on stdout.")
    boolean audit;

    @Override
    protected int run(PrintWriter out, PrintWriter err, Map<String, String> env, LocalAws aws, String storeId) {
        Instant instant;
        try {
            instant = asOf == null ? null : OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadSettingException("--as-of '" + asOf + "' is not an RFC 3339 timestamp such as 2026-03-01T00:00:00Z");
        }
        AdoptionRule adoption = AdoptionRule.fromLabel(adoptBy).filter(AdoptionRule::enabled)
                .orElseThrow(() -> new BadSettingException("--adopt-by must be userName+email or userName, was '"
                        + adoptBy + "'"));
        if (!adopt && spec.commandLine().getParseResult().hasMatchedOption("--adopt-by")) {
            throw new BadSettingException("--adopt-by needs --adopt");
        }
        if (maxLeavers != null && maxLeavers < 0) {
            throw new BadSettingException("--max-leavers must be 0 or more, was " + maxLeavers);
        }
        return withClients(env, aws, storeId, wiring -> wiring
                .auditLines(audit ? FunctionsTarget.auditLinesTo(out) : line -> { })
                .buildReconciler(), reconciler -> {
            ReconcileResult result = reconciler.reconcile(ReconcileRequest.plan(roster.toString()).asOf(instant)
                    .applying(apply).adopting(adopt ? adoption : AdoptionRule.OFF).maxLeavers(maxLeavers)
                    .progress(line -> {
                        err.println(line);
                        err.flush();
                    }));
            if (result.rosterRefused()) {
                err.println("jml reconcile: roster " + roster + " refused, nothing was planned or applied:");
                result.rosterProblems().forEach(p -> err.println("  " + p));
                return 2;
            }
            ReconcileOutput.print(out, output, result);
            ReconcileOutput.summary(err, result);
            return result.conflicts() > 0 || result.failures() > 0 || result.withheld() != null ? 1 : 0;
        });
    }
}
