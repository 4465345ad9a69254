package io.github.jmlidentity.functions.story;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Concurrently;
import io.github.jmlidentity.functions.support.DirectoryState;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import io.github.jmlidentity.identitystore.local.FaultSettings;
import io.github.jmlidentity.identitystore.local.StatsSnapshot;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 mixed events, shuffled and delivered 8 at a time, against an Identity Store that fails 20% of calls with
 * InternalServerException, throttles above a quota and adds 100 ms to every call. Every event either ends
 * APPLIED/NO_CHANGE/DUPLICATE/STALE or surfaces a retryable error; redelivering those (as Lambda's retries and a
 * DLQ redrive do) ends with exactly the directory of a fault-free, in-order run.
 */
class FaultToleranceStoryTest extends StoryTest {

    /**
     * The real quota is 20 requests/s, at which this test takes about 50 s on 2 idle cores; 30 keeps it under a
     * minute on a busy CI machine while still throttling.
     */
    private static final double QUOTA_TPS = 30;
    private static final int THREADS = 8;
    /** Redeliveries: Lambda's two async retries, then DLQ redrives. */
    private static final int MAX_ROUNDS = 25;
    private static final int LEAVERS = 50;
    /**
     * A cap of exactly the run's 50 leavers: a retried leaver keeps the slot its first attempt took, so however
     * many attempts the faults cause, no leaver may trip the guard.
     */
    private static final AccessRules RULES = rules(LEAVERS);

    private static AccessRules rules(int maxLeaversPerHour) {
        return new AccessRules(StoryWorld.SHIPPED_RULES.defaultGroups(),
                StoryWorld.SHIPPED_RULES.managedGroups(), StoryWorld.SHIPPED_RULES.rules(),
                StoryWorld.SHIPPED_RULES.protectedUsers(), StoryWorld.SHIPPED_RULES.missingGroupPolicy(),
                StoryWorld.SHIPPED_RULES.leaverPolicy(), maxLeaversPerHour);
    }

    @Test
    void under_faults_every_event_converges_to_the_fault_free_directory() throws Exception {
        FaultRun run = runUnderFaults(mixedEvents(), FaultSettings.none().withInternalErrorRate(0.2)
                .withTps(QUOTA_TPS).withLatencyMillis(100).withRandomSeed(42));

        assertThat(run.stats.internalErrors()).isPositive();
        assertThat(run.stats.throttled()).isPositive();
        System.out.printf("fault run: %d rounds, %d deliveries surfaced an error for retry, %d calls, "
                        + "%d internal errors, %d throttled%n", run.rounds, run.surfaced, run.stats.totalCalls(),
                run.stats.internalErrors(), run.stats.throttled());
    }

    @Test
    void when_the_sdk_retries_run_out_half_applied_events_converge_on_redelivery() throws Exception {
        // A client without SDK retries, so that calls fail mid-event (user created, memberships not yet).
        IdentitystoreClient noRetries = IdentitystoreClient.builder()
                .endpointOverride(IDENTITY_STORE.server().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        // 30 joiners and the leaves of the same 30 employees (half of them without userName), under a cap of
        // exactly 30 leavers: a joiner that dies after CreateUser must still be found by its leaver, and a leaver
        // retried after a failed DeleteUser must not use a second slot.
        List<byte[]> all = mixedEvents();
        List<byte[]> events = new ArrayList<>(all.subList(0, 30));
        events.addAll(all.subList(150, 180));
        FaultRun run = runUnderFaults(events, FaultSettings.none()
                .withInternalErrorRate(0.15).withRandomSeed(11), noRetries, rules(30));

        assertThat(run.surfaced).as("some events must surface an error for Lambda to retry").isPositive();
        System.out.printf("harsh fault run: %d rounds, %d deliveries surfaced an error for retry%n",
                run.rounds, run.surfaced);
    }

    private record FaultRun(int rounds, int surfaced, StatsSnapshot stats) {
    }

    private static FaultRun runUnderFaults(List<byte[]> events, FaultSettings faults) throws Exception {
        return runUnderFaults(events, faults, StoryWorld.clientFor(IDENTITY_STORE.server()), RULES);
    }

    private static FaultRun runUnderFaults(List<byte[]> events, FaultSettings faults, IdentitystoreClient client,
                                           AccessRules rules) throws Exception {
        // GIVEN the directory a fault-free, in-order run produces
        StoryWorld reference = new StoryWorld(IDENTITY_STORE.server(), DYNALITE, rules, false);
        for (byte[] event : events) {
            assertThat(reference.deliverRouted(event).outcome()).isIn("APPLIED", "NO_CHANGE");
        }
        DirectoryState expected = reference.state();
        IDENTITY_STORE.server().reset();

        // WHEN the same events arrive shuffled, concurrently, into a faulty Identity Store
        StoryWorld world = new StoryWorld(IDENTITY_STORE.server(), DYNALITE, rules, false, client);
        world.server.faults(faults);
        List<byte[]> pending = new ArrayList<>(events);
        Collections.shuffle(pending, new Random(7));
        int rounds = 0;
        int surfaced = 0;
        while (!pending.isEmpty() && rounds < MAX_ROUNDS) {
            rounds++;
            List<byte[]> failed = new ArrayList<>();
            for (Delivery d : deliverConcurrently(world, pending)) {
                if (d.audit.threw()) {
                    // THEN a failure is one worth retrying, never a permanent verdict caused by a fault
                    assertThat(d.audit.outcome()).as(d.audit.toString()).isEqualTo("FAILED");
                    assertThat(d.audit.retryable()).as(d.audit.toString()).isTrue();
                    failed.add(d.event);
                } else {
                    assertThat(d.audit.outcome()).isIn("APPLIED", "NO_CHANGE", "DUPLICATE", "STALE");
                }
            }
            surfaced += failed.size();
            pending = failed;
        }
        StatsSnapshot stats = world.server.stats();
        world.server.faults(FaultSettings.none());

        // THEN after the retries nothing is left and the directory is the fault-free one
        assertThat(pending.stream().map(e -> new String(e, StandardCharsets.UTF_8)).toList())
                .as("events still failing after %d rounds", MAX_ROUNDS).isEmpty();
        assertThat(world.state()).isEqualTo(expected);
        assertThat(world.protectedUserUntouched()).isTrue();
        assertThat(world.failureQueue.messages()).as("permanent failures caused by faults").isEmpty();
        return new FaultRun(rounds, surfaced, stats);
    }

    private record Delivery(byte[] event, Audit audit) {
    }

    private static List<Delivery> deliverConcurrently(StoryWorld world, List<byte[]> events) throws Exception {
        List<Callable<Delivery>> deliveries = new ArrayList<>();
        for (byte[] event : events) {
            deliveries.add(() -> new Delivery(event, world.deliverRouted(event)));
        }
        return Concurrently.run(THREADS, deliveries);
    }

    /** 80 joiners, 70 movers (new department, title, location), 50 leavers: in effectiveAt order. */
    static List<byte[]> mixedEvents() {
        String[] departments = {"Engineering", "Platform", "Finance", "Sales", "SRE"};
        String[] titles = {"Engineer", "Site Reliability Engineer", "Analyst", "Manager"};
        String[] locations = {"London", "Paris", "Berlin"};
        Instant t0 = Instant.parse("2026-02-01T09:00:00Z");
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            events.add(event("joiner.json", i, "j", t0.plusSeconds(i), departments[i % 5], titles[i % 4],
                    locations[i % 3], i % 7 == 0 ? "Contractor" : "Employee"));
        }
        for (int i = 0; i < 70; i++) {
            events.add(event("mover.json", i, "m", t0.plusSeconds(86_400L + i), departments[(i + 2) % 5],
                    titles[(i + 1) % 4], locations[(i + 1) % 3], "Employee"));
        }
        for (int i = 0; i < LEAVERS; i++) {
            events.add(leaver(i, t0.plusSeconds(2 * 86_400L + i)));
        }
        return events;
    }

    private static byte[] event(String sample, int i, String kind, Instant at, String department, String title,
                                String location, String type) {
        ObjectNode root = Fixtures.eventJson(sample);
        root.put("id", "env-" + kind + "-" + i);
        ObjectNode d = (ObjectNode) root.get("detail");
        d.put("eventId", "hr-" + kind + "-" + i).put("employeeId", "E" + (3000 + i))
                .put("effectiveAt", at.toString()).put("userName", "user" + i).put("givenName", "Given" + i)
                .put("familyName", "Family" + i).put("email", "user" + i + "@example.com")
                .put("department", department).put("title", title).put("location", location)
                .put("employmentType", type).put("costCenter", department.equals("Finance") ? "FIN-" + i : "CC-" + i);
        return Fixtures.bytes(root);
    }

    /** Half the leavers carry no userName (it is optional): they find the user through the ledger only. */
    private static byte[] leaver(int i, Instant at) {
        ObjectNode root = Fixtures.eventJson("leaver.json");
        root.put("id", "env-l-" + i);
        ObjectNode detail = ((ObjectNode) root.get("detail")).put("eventId", "hr-l-" + i)
                .put("employeeId", "E" + (3000 + i)).put("effectiveAt", at.toString()).put("userName", "user" + i);
        if (i % 2 == 0) {
            detail.remove("userName");
        }
        return Fixtures.bytes(root);
    }
}
