package io.github.jmlidentity.cli.demo;

import io.github.jmlidentity.cli.CliException;
import io.github.jmlidentity.cli.LocalAws;
import io.github.jmlidentity.cli.directory.Directory;
import io.github.jmlidentity.cli.directory.IdentityCenterClients;
import io.github.jmlidentity.cli.options.FunctionOptions;
import io.github.jmlidentity.cli.report.AccessReport;
import io.github.jmlidentity.cli.report.ReportFormat;
import io.github.jmlidentity.functions.domain.InvalidAccessRulesException;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays a scripted HR story, with no AWS account: Identity Store Local starts in this process "
                + "with the seed's groups, accounts and permission sets; each event is routed by the CDK app's "
                + "EventBridge patterns (event-ruler) to the real joiner, mover or leaver code; each audit record is "
                + "shown; then the quarterly access report.",
                "Day one first: a user made by hand before jml-identity is adopted by `jml reconcile --adopt --apply` "
                        + "from an HR roster (events/demo/day-one-roster.csv), then its employee leaves and the leaver "
                        + "deletes it.",
                "The story: joiners, a duplicate delivery, a promotion, a late stale event, a department move, a "
                        + "malformed event, a leaver and a rehire; then effective dating: a resignation entered a month "
                        + "ahead and a transfer effective later are SCHEDULED, time moves on and the scheduler applies "
                        + "each when it is due. Exit code 0 only if every step did what the story expects and the "
                        + "protected users were not touched.",
                "Run it from the repository root (the default paths are relative to it)."})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--story", paramLabel = "FILE", defaultValue = "events/demo/story.json",
            description = "The story (default: ${DEFAULT-VALUE}).")
    Path story;

    @Option(names = "--seed", paramLabel = "FILE", defaultValue = "config/local-seed.json",
            description = "Identity Store Local seed (default: ${DEFAULT-VALUE}).")
    Path seed;

    @Option(names = "--patterns", paramLabel = "FILE", defaultValue = "events/routing/patterns.json",
            description = "EventBridge rule patterns (default: ${DEFAULT-VALUE}).")
    Path patterns;

    @Option(names = "--day-one-roster", paramLabel = "FILE", defaultValue = "events/demo/day-one-roster.csv",
            description = "The HR roster of the day-one chapter (default: ${DEFAULT-VALUE}).")
    Path dayOneRoster;

    @Option(names = "--day-one-leaver", paramLabel = "FILE", defaultValue = "events/demo/li-leaves.json",
            description = "The leaver of the adopted user in the day-one chapter (default: ${DEFAULT-VALUE}).")
    Path dayOneLeaver;

    @Mixin
    FunctionOptions functionOptions;

    @Option(names = "--audit-json", description = "Also print each audit record as the functions log it (JSON).")
    boolean auditJson;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // The story is written for these files: the functions' environment variables (ACCESS_RULES_FILE,
        // HR_EVENT_SOURCE) do not apply to it.
        Map<String, String> noEnvironment = Map.of();
        Path rules = functionOptions.rulesFile(noEnvironment);
        String source = functionOptions.source(noEnvironment);
        for (Path file : List.of(story, seed, rules, patterns, dayOneRoster, dayOneLeaver)) {
            if (!Files.isRegularFile(file)) {
                throw new CliException("File not found: " + file + " (run jml demo from the repository root, or pass its path)");
            }
        }
        LifecycleFunctions.Builder wiring = wiring(rules, source);
        Story script = Story.load(story);
        StoryTime time = new StoryTime(script.now());
        EventRouter router = EventRouter.load(patterns, source);
        try (IdentityStoreLocal store = IdentityStoreLocal.builder().port(0).seed(seed).build().start()) {
            DirectoryView view = new DirectoryView(store.data());
            out.println("jml demo: an HR story through the real functions' code, on Identity Store Local (no AWS account)");
            out.printf("  Identity Store Local  %s  store %s  (seed %s: %d groups, %d users)%n",
                    store.endpoint(), store.identityStoreId(), seed, view.groups(), view.users());
            out.printf("  access rules          %s%n", rules);
            out.printf("  routing               %s (the CDK app's EventBridge rule patterns, matched by event-ruler)%n", patterns);
            if (script.now() != null) {
                out.printf("  time                  the story is told as of %s%n", script.now());
            }
            out.flush();

            LocalAws aws = LocalAws.resolve(store.endpoint());
            int matched;
            int dayOne;
            List<String> untouched;
            try (IdentitystoreClient client = LifecycleFunctions.identityStoreClient(builder -> aws.configure(builder, null));
                 SsoAdminClient ssoAdmin = LifecycleFunctions.ssoAdminClient(builder -> aws.configure(builder, null))) {
                LifecycleFunctions.Functions functions = wiring
                        .identityStore(client, store.identityStoreId())
                        .ssoAdmin(ssoAdmin, store.instanceArn())
                        .ledgerInMemory()
                        .clock(time)
                        .auditLines(line -> {
                            if (auditJson) {
                                out.println("      " + line);
                            }
                        })
                        .buildFunctions();
                Path base = Path.of("").toAbsolutePath();
                dayOne = new DayOneChapter(client, store.identityStoreId(), wiring.buildReconciler(), functions.events(),
                        router, view, out).run(dayOneRoster, dayOneLeaver, base);
                out.printf("%nThe HR story%n");
                StoryRunner runner = new StoryRunner(router, functions, time, view, out, base);
                matched = runner.run(script);
                untouched = runner.untouchedMismatches(script.untouched());
            }
            out.println();
            printReport(store, out, time);
            out.println();
            untouched.forEach(m -> out.println("MISMATCH: protected user changed: " + m));
            boolean success = matched == script.steps().size() && dayOne == DayOneChapter.STEPS && untouched.isEmpty();
            out.printf("Day one: %d of %d steps as expected.%n", dayOne, DayOneChapter.STEPS);
            out.printf("Story: %d of %d steps as expected; protected users %s. %s%n", matched, script.steps().size(),
                    untouched.isEmpty() ? "untouched" : "CHANGED", success ? "Demo passed." : "Demo FAILED.");
            out.flush();
            return success ? 0 : 1;
        }
    }

    private static LifecycleFunctions.Builder wiring(Path rules, String source) {
        try {
            return LifecycleFunctions.builder().rulesFile(rules).source(source);
        } catch (InvalidAccessRulesException invalid) {
            throw new CliException(rules + ": " + String.join("; ", invalid.errors()), invalid);
        }
    }

    /** Dated by the story's clock, so that the report is as of the story's last step, not of the real day. */
    private static void printReport(IdentityStoreLocal store, PrintWriter out, Clock storyTime) {
        try (IdentityCenterClients clients = new IdentityCenterClients(LocalAws.resolve(store.endpoint()), null)) {
            Directory directory = Directory.connect(clients, store.identityStoreId());
            new AccessReport(directory, null, storyTime).write(ReportFormat.TABLE.writer(new KeepOpen(out)), null, store.instanceArn());
        }
    }

    /** The report writer must not close the demo's output. */
    private static final class KeepOpen extends FilterWriter {
        KeepOpen(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
