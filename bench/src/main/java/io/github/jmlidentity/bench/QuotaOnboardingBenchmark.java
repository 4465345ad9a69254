package io.github.jmlidentity.bench;

import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.application.port.out.AccountAssignments;
import io.github.jmlidentity.functions.application.port.out.EmployeeLedger;
import io.github.jmlidentity.functions.application.port.out.IdentityDirectory;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import io.github.jmlidentity.identitystore.local.FaultSettings;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.StatsSnapshot;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Benchmark 4: bulk onboarding under the Identity Store quota. N joiners (3 groups each: 1 CreateUser + 3
 * CreateGroupMembership) are delivered to W concurrent workers, each a container with its own functions and SDK
 * client (as Lambda's reserved concurrency runs them), sharing one ledger. A delivery that fails retryably is
 * redelivered up to twice, as Lambda's async retries do; what still fails would reach the failure queue and counts
 * as not applied. Achieved successful calls/s ÷ quota, throttles absorbed, and the final directory: exactly N users,
 * 3 memberships each.
 */
public final class QuotaOnboardingBenchmark extends GoalBenchmark {

    static final double GOAL_FRACTION = 0.9;
    static final int LAMBDA_RETRIES = 2;

    record Scenario(String label, int joiners, double tps, int workers) {
    }

    /** The functions' own client settings (LifecycleFunctions.identityStoreClient): adaptive retry, 6 attempts. */
    private static final Function<IdentityStoreLocal, IdentitystoreClient> ADAPTIVE = Directories::functionsClient;
    /** The SDK's standard retry strategy with the same attempts: what the functions would do without adaptive retry. */
    private static final Function<IdentityStoreLocal, IdentitystoreClient> STANDARD = server -> Directories.client(server,
            ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(LifecycleFunctions.MAX_SDK_ATTEMPTS).build()).build());

    public QuotaOnboardingBenchmark() {
        super("quota", "successful calls/s ≥ " + GOAL_FRACTION + " × quota; 0 lost, 0 duplicates");
    }

    @Override
    public BenchResult run(BenchContext context) throws InterruptedException {
        BenchResult result = result();
        List<Scenario> scenarios = context.quick()
                ? List.of(new Scenario("600 joiners @ 200 TPS, 6 workers", 600, 200, 6),
                        new Scenario("60 joiners @ 20 TPS, 6 workers", 60, 20, 6))
                : List.of(new Scenario("10,000 joiners @ 200 TPS, 6 workers", 10_000, 200, 6),
                        new Scenario("500 joiners @ 20 TPS, 6 workers", 500, 20, 6),
                        new Scenario("500 joiners @ 20 TPS, 2 workers (deployed reserved concurrency)", 500, 20, 2));
        List<Map<String, Object>> figures = new ArrayList<>();
        for (Scenario s : scenarios) {
            figures.add(run(context, s, result, ADAPTIVE, ""));
        }
        result.figure("scenarios", figures);
        // Why adaptive retry: the same onboarding with the standard strategy and the same attempts, side by side.
        Scenario compared = context.quick() ? new Scenario("100 joiners @ 20 TPS, 6 workers", 100, 20, 6)
                : new Scenario("300 joiners @ 20 TPS, 6 workers", 300, 20, 6);
        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("adaptive", run(context, compared, result, ADAPTIVE, "retry comparison, adaptive: "));
        comparison.put("standard", run(context, compared, result, STANDARD, "retry comparison, standard: "));
        result.figure("retryStrategies", comparison);
        return result;
    }

    private Map<String, Object> run(BenchContext context, Scenario s, BenchResult result,
                                    Function<IdentityStoreLocal, IdentitystoreClient> clients, String rowPrefix)
            throws InterruptedException {
        IdentityStoreLocal server = context.freshServer();
        Envelopes joiners = new Envelopes(context.sample("joiner.json"));
        ConcurrentLinkedQueue<Delivery> queue = new ConcurrentLinkedQueue<>();
        String run = "q" + (int) s.tps() + "w" + s.workers();
        for (int i = 0; i < s.joiners(); i++) {
            queue.add(new Delivery(joiners.employee(run, i), 0));
        }
        EmployeeLedger ledger = LifecycleFunctions.inMemoryLedger();
        AtomicLong applied = new AtomicLong();
        AtomicLong redelivered = new AtomicLong();
        AtomicLong failedForGood = new AtomicLong();
        AtomicLong unexpected = new AtomicLong();
        List<IdentitystoreClient> built = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        // Warm the containers (group ids cached) before the quota applies: a bulk run is long, init is not its cost.
        List<ProcessHrEvent> containers = new ArrayList<>();
        for (int w = 0; w < s.workers(); w++) {
            IdentitystoreClient client = clients.apply(server);
            built.add(client);
            IdentityDirectory directory = LifecycleFunctions.identityStore(client, server.identityStoreId());
            context.rules().allGrantableGroups().forEach(directory::findGroupId);
            // Joiners only: no leaver, so no account assignment to remove.
            containers.add(LifecycleFunctions.builder().directory(directory).ledger(ledger).rules(context.rules())
                    .accountAssignments(AccountAssignments.NONE).auditLines(line -> { }).build());
        }
        server.faults(FaultSettings.none().withTps(s.tps()));
        server.resetStats();
        long started = System.nanoTime();
        for (ProcessHrEvent functions : containers) {
            Thread t = new Thread(() -> {
                Delivery d;
                while ((d = queue.poll()) != null) {
                    AuditRecord audit = functions.process(HrEventRequest.envelope(d.envelope())).audit();
                    if (audit.outcome() == Outcome.APPLIED) {
                        applied.incrementAndGet();
                    } else if (audit.isFailure() && audit.verdict().retryable() && d.attempt() < LAMBDA_RETRIES) {
                        redelivered.incrementAndGet();
                        queue.add(new Delivery(d.envelope(), d.attempt() + 1));
                    } else if (audit.isFailure()) {
                        failedForGood.incrementAndGet();
                        System.err.println("quota: not applied after retries: " + audit.verdict().errorType() + " "
                                + audit.verdict().reason());
                    } else {
                        unexpected.incrementAndGet();
                    }
                }
            }, "bench-worker");
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        StatsSnapshot stats = server.stats();
        server.faults(FaultSettings.none());
        built.forEach(IdentitystoreClient::close);
        long succeeded = stats.operations().values().stream().mapToLong(StatsSnapshot.OperationCounts::succeeded).sum();
        long minimumCalls = 4L * s.joiners();
        double achieved = succeeded / seconds;
        double fraction = achieved / s.tps();
        // Final state straight from the emulator's data (not API calls): every employee once, 3 groups each.
        DirectoryCensus census = DirectoryCensus.of(server, 3);
        long lost = s.joiners() - applied.get();
        long duplicates = census.duplicates(s.joiners());
        result.row(rowPrefix + s.label(), String.format(Locale.ROOT, "%.1f ok calls/s = %.2f × quota; %.0f s; %d throttles absorbed, "
                        + "%d redeliveries; lost %d, duplicates %d, users with ≠3 groups %d",
                achieved, fraction, seconds, stats.throttled(), redelivered.get(), lost, duplicates, census.wrongMemberships()));
        if (lost != 0 || duplicates != 0 || census.wrongMemberships() != 0 || unexpected.get() != 0) {
            result.failed(rowPrefix + s.label() + ": lost " + lost + ", duplicates " + duplicates + ", wrong memberships "
                    + census.wrongMemberships() + ", unexpected outcomes " + unexpected.get());
        }
        if (fraction < GOAL_FRACTION && rowPrefix.isEmpty()) {
            result.missed(s.label() + String.format(Locale.ROOT, ": %.2f × quota", fraction));
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("scenario", s.label());
        f.put("joiners", s.joiners());
        f.put("quotaTps", s.tps());
        f.put("workers", s.workers());
        f.put("seconds", Math.round(seconds * 10) / 10.0);
        f.put("successfulCalls", succeeded);
        f.put("minimumCalls", minimumCalls);
        f.put("requestsSent", stats.totalCalls());
        f.put("throttled", stats.throttled());
        f.put("successfulCallsPerSecond", Math.round(achieved * 10) / 10.0);
        f.put("fractionOfQuota", Math.round(fraction * 1000) / 1000.0);
        f.put("applied", applied.get());
        f.put("redeliveries", redelivered.get());
        f.put("lost", lost);
        f.put("duplicates", duplicates);
        f.put("usersWithWrongMemberships", census.wrongMemberships());
        return f;
    }

    private record Delivery(byte[] envelope, int attempt) {
    }
}
