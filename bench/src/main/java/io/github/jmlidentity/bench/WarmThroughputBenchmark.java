package io.github.jmlidentity.bench;

import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.application.port.out.AccountAssignments;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 3: one warm container's functions handle 10,000 joiners in a loop against the emulator with no quota. Beside it,
 * the same Identity Store calls (1 CreateUser + 3 CreateGroupMembership, same payload) made by a bare SDK loop, event
 * by event alternately (same emulator state, JIT and GC for both), with the same
 * client settings: the difference per event is the project's overhead (parsing, schema validation, planning, ledger,
 * audit record). A third loop runs the joiners against a directory with no I/O: the project's CPU cost alone.
 */
public final class WarmThroughputBenchmark extends GoalBenchmark {

    static final int CHUNKS = 5;

    public WarmThroughputBenchmark() {
        super("warm", "report events/s and project overhead per event (no fixed goal)");
    }

    @Override
    public BenchResult run(BenchContext context) {
        BenchResult result = result();
        int events = context.quick() ? 1_000 : 10_000;
        int warmUp = context.quick() ? 300 : 2_000;
        int chunk = events / CHUNKS;
        Envelopes joiners = new Envelopes(context.sample("joiner.json"));
        IdentityStoreLocal server = context.freshServer();
        List<Double> functionRates = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        List<Double> noIoRates = new ArrayList<>();
        long[] failures = {0};
        try (IdentitystoreClient client = Directories.functionsClient(server);
             SsoAdminClient ssoAdmin = Directories.functionsSsoAdminClient(server)) {
            ProcessHrEvent functions = Functions.warm(server, client, ssoAdmin, context.rules());
            Map<String, String> groupIds = new LinkedHashMap<>();
            for (String g : List.of("jml-all-staff", "jml-engineering", "jml-office-london")) {
                groupIds.put(g, client.getGroupId(r -> r.identityStoreId(server.identityStoreId())
                        .alternateIdentifier(a -> a.uniqueAttribute(u -> u.attributePath("displayName")
                                .attributeValue(Document.fromString(g))))).groupId());
            }
            interleaved(functions, client, server.identityStoreId(), groupIds, joiners, "warmup", warmUp, failures);
            server.resetStats();
            for (int c = 0; c < CHUNKS; c++) {
                long[] nanos = interleaved(functions, client, server.identityStoreId(), groupIds, joiners, "c" + c, chunk,
                        failures);
                functionRates.add(chunk / (nanos[0] / 1e9));
                rawRates.add(chunk / (nanos[1] / 1e9));
            }
            result.figure("identityStoreCallsPerEvent", server.stats().callsByOperation().entrySet().stream()
                            .mapToLong(Map.Entry::getValue).sum() / (2.0 * events));
        }
        // Joiners only: no leaver, so no account assignment to remove.
        ProcessHrEvent noIo = LifecycleFunctions.builder().directory(new NoIoDirectory()).ledgerInMemory()
                .accountAssignments(AccountAssignments.NONE).rules(context.rules()).auditLines(line -> { }).build();
        loop(noIo, joiners, "noiowarmup", warmUp * 2, failures);
        for (int c = 0; c < CHUNKS; c++) {
            noIoRates.add(rate(noIo, joiners, "noio" + c, chunk, failures));
        }
        if (failures[0] > 0) {
            result.failed(failures[0] + " joiners were not APPLIED");
        }
        Samples function = Samples.of(functionRates);
        Samples raw = Samples.of(rawRates);
        Samples cpu = Samples.of(noIoRates);
        double overheadMs = 1000 / function.median() - 1000 / raw.median();
        result.row("joiners through the handler code", function.describe("%.0f") + " events/s = "
                + String.format(java.util.Locale.ROOT, "%.2f", 1000 / function.median()) + " ms/event");
        result.row("same 4 calls, bare SDK loop", raw.describe("%.0f") + " events/s = "
                + String.format(java.util.Locale.ROOT, "%.2f", 1000 / raw.median()) + " ms/event");
        result.row("project overhead per event", String.format(java.util.Locale.ROOT, "%.2f ms (%.0f%% of the event)",
                overheadMs, 100 * overheadMs * function.median() / 1000));
        result.row("joiners with a no-I/O directory", cpu.describe("%.0f") + " events/s = "
                + String.format(java.util.Locale.ROOT, "%.3f", 1000 / cpu.median()) + " ms/event of project CPU");
        result.figure("events", events);
        result.figure("eventsPerSecond", function);
        result.figure("bareSdkEventsPerSecond", raw);
        result.figure("overheadMsPerEvent", Math.round(overheadMs * 1000) / 1000.0);
        result.figure("noIoEventsPerSecond", cpu);
        result.figure("noIoMsPerEvent", Math.round(1_000_000 / cpu.median()) / 1000.0);
        return result;
    }

    /**
     * Event i through the handler code, then the same calls for another user by the bare SDK, alternately, so that
     * both see the same emulator state, JIT and GC: returns {handler nanos, bare SDK nanos}.
     */
    private static long[] interleaved(ProcessHrEvent functions, IdentitystoreClient client, String storeId,
                                      Map<String, String> groupIds, Envelopes joiners, String run, int n, long[] failures) {
        List<byte[]> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(joiners.employee(run, i));
        }
        long[] nanos = new long[2];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            if (functions.process(HrEventRequest.envelope(batch.get(i))).outcome() != Outcome.APPLIED) {
                failures[0]++;
            }
            long t1 = System.nanoTime();
            raw(client, storeId, groupIds, run + "-" + i);
            nanos[0] += t1 - t0;
            nanos[1] += System.nanoTime() - t1;
        }
        return nanos;
    }

    /** Envelopes are made before the clock starts: their making is not the handler's cost. */
    private static void loop(ProcessHrEvent functions, Envelopes joiners, String run, int n, long[] failures) {
        List<byte[]> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(joiners.employee(run, i));
        }
        timed(functions, batch, failures);
    }

    private static long timed(ProcessHrEvent functions, List<byte[]> batch, long[] failures) {
        long t = System.nanoTime();
        for (byte[] envelope : batch) {
            if (functions.process(HrEventRequest.envelope(envelope)).outcome() != Outcome.APPLIED) {
                failures[0]++;
            }
        }
        return System.nanoTime() - t;
    }

    private static double rate(ProcessHrEvent functions, Envelopes joiners, String run, int n, long[] failures) {
        List<byte[]> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(joiners.employee(run, i));
        }
        return n / (timed(functions, batch, failures) / 1e9);
    }

    /** The requests the joiner sends for the sample profile, built directly: same payload, no project code. */
    private static void raw(IdentitystoreClient client, String storeId, Map<String, String> groupIds, String id) {
        Map<String, Document> enterprise = new LinkedHashMap<>();
        enterprise.put("employeeNumber", Document.fromString("E-" + id));
        enterprise.put("department", Document.fromString("Engineering"));
        enterprise.put("costCenter", Document.fromString("CC-4100"));
        enterprise.put("division", Document.fromString("Technology"));
        enterprise.put("organization", Document.fromString("Example Corp"));
        enterprise.put("manager", Document.fromMap(Map.of("value", Document.fromString("E0042"))));
        String name = "raw." + id;
        String userId = client.createUser(r -> r.identityStoreId(storeId).userName(name).displayName("Jane Doe")
                .name(nm -> nm.givenName("Jane").familyName("Doe")).title("Software Engineer").locale("en-GB")
                .timezone("Europe/London").preferredLanguage("en").userType("Employee")
                .emails(Email.builder().value(name + "@example.com").type("work").primary(true).build())
                .extensions(Map.of("aws:identitystore:enterprise", Document.fromMap(enterprise)))).userId();
        for (String groupId : groupIds.values()) {
            client.createGroupMembership(r -> r.identityStoreId(storeId).groupId(groupId)
                    .memberId(MemberId.fromUserId(userId)));
        }
    }
}
