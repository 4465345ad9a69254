package io.github.jmlidentity.functions.story;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.jmlidentity.functions.adapter.in.EventFailedException;
import io.github.jmlidentity.functions.adapter.in.JoinerHandler;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What auditors read, what DRY_RUN does, and how the Lambda entry point reports a failure. */
class AuditAndDryRunStoryTest extends StoryTest {

    private static final List<String> STABLE_FIELDS = List.of("recordType", "time", "eventId", "hrEventId",
            "detailType", "source", "employeeId", "userName", "userId", "identityStoreId", "outcome", "dryRun", "effectiveAt",
            "dueAt", "attributesChanged", "groupsAdded", "groupsRemoved", "membershipsBefore", "pendingCancelled",
            "userDeleted", "assignmentsRemoved", "apiCalls",
            "requestIds", "durationMs", "errorType", "reason", "note", "retryable", "attempt", "final", "requestId",
            "coldStart", "userCreatedByAttempt", "scopeViolation", "scopeViolations");

    @Test
    void each_event_writes_exactly_one_audit_line_with_the_stable_fields_and_no_profile_data() {
        StoryWorld world = newWorld();

        world.deliver("joiner.json");
        world.deliver("joiner.json");
        world.deliver("mover.json");
        world.deliver("leaver.json");

        assertThat(world.auditLines).hasSize(4).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
        List<JsonNode> records = world.auditJson();
        assertThat(records).extracting(r -> r.path("outcome").asText())
                .containsExactly("APPLIED", "DUPLICATE", "APPLIED", "APPLIED");
        for (JsonNode record : records) {
            assertThat(record.fieldNames()).toIterable().containsExactlyElementsOf(STABLE_FIELDS);
            assertThat(record.path("recordType").asText()).isEqualTo("jml.audit");
            assertThat(record.path("source").asText()).as("an HR event, not a reconcile").isEqualTo("hr-event");
            assertThat(record.path("identityStoreId").asText()).isEqualTo(IDENTITY_STORE.server().identityStoreId());
            assertThat(record.toString()).doesNotContain("jane.doe@example.com", "Jane", "London", "Europe/");
        }
        JsonNode joined = records.get(0);
        assertThat(joined.path("hrEventId").asText()).isEqualTo("hr-evt-0001");
        assertThat(joined.path("employeeId").asText()).isEqualTo("E1001");
        assertThat(joined.path("userName").asText()).isEqualTo("jane.doe");
        assertThat(joined.path("requestIds")).hasSize(4 + 3); // 3 GetGroupId on a cold container
    }

    @Test
    void dry_run_logs_the_plan_as_planned_and_writes_nothing() {
        StoryWorld world = new StoryWorld(IDENTITY_STORE.server(), DYNALITE, StoryWorld.SHIPPED_RULES, true);

        Audit planned = world.deliver("joiner.json");

        assertThat(planned.outcome()).isEqualTo("PLANNED");
        assertThat(planned.json().path("dryRun").asBoolean()).isTrue();
        assertThat(planned.list("groupsAdded")).containsExactly("jml-all-staff", "jml-engineering", "jml-office-london");
        assertThat(world.server.stats().writeCalls()).isZero();
        assertThat(world.state().users()).containsOnlyKeys(StoryWorld.PROTECTED_USER);
        assertThat(DYNALITE.client().scan(r -> r.tableName(world.table)).count()).isZero();
    }

    @Test
    void a_permanent_failure_goes_straight_to_the_failure_queue_and_the_handler_returns_normally() throws Exception {
        // GIVEN the deployed wiring: a failure queue
        StoryWorld world = newWorld();
        JoinerHandler handler = new JoinerHandler(world.functions, Clock.systemUTC());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] invalid = Fixtures.read(Fixtures.events().resolve("invalid/joiner-missing-userName.json"));

        // WHEN an invalid joiner arrives
        handler.handleRequest(new ByteArrayInputStream(invalid), out, context(30_000));

        // THEN it is audited once as REJECTED, Lambda sees success (no retries), and the queue has the redrive message
        assertThat(out.toString()).contains("\"outcome\":\"REJECTED\"");
        assertThat(world.auditLines).hasSize(1);
        JsonNode message = world.failureQueue.messages().get(0);
        assertThat(message.path("source").asText()).isEqualTo("jml-identity");
        assertThat(message.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(message.path("errorType").asText()).isEqualTo("INVALID_EVENT");
        assertThat(message.path("reason").asText()).isEqualTo("detail.userName: is required");
        assertThat(message.path("auditEventId").asText()).isEqualTo(world.auditJson().get(0).path("eventId").asText());
        assertThat(message.path("event")).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(invalid));
    }

    @Test
    void a_permanent_failure_that_cannot_be_queued_is_thrown_for_the_failure_destination() {
        StoryWorld world = newWorld();
        world.failureQueue.becomeUnavailable();
        JoinerHandler handler = new JoinerHandler(world.functions, Clock.systemUTC());

        assertThatThrownBy(() -> handler.handleRequest(new ByteArrayInputStream(
                Fixtures.read(Fixtures.events().resolve("invalid/joiner-missing-userName.json"))),
                new ByteArrayOutputStream(), context(30_000)))
                .isInstanceOf(EventFailedException.class)
                .hasMessage("REJECTED INVALID_EVENT: detail.userName: is required")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_retryable_failure_is_thrown_so_that_lambda_retries_it() {
        StoryWorld world = newWorld();
        world.faults.throttle("createUser", 1);

        List<Audit> attempts = world.deliverAsLambda("joiner", Fixtures.event("joiner.json"));

        assertThat(attempts).extracting(Audit::outcome).containsExactly("FAILED", "APPLIED");
        assertThat(attempts.get(0).threw()).isTrue();
        assertThat(world.failureQueue.messages()).isEmpty();
    }

    @Test
    void without_a_failure_queue_the_handler_throws_the_reason_for_the_failure_destination() {
        StoryWorld world = newWorld();
        ProcessHrEvent noQueue = LifecycleFunctions.builder().directory(world.faults)
                .ssoAdmin(StoryWorld.ssoAdminClientFor(world.server), world.server.instanceArn())
                .ledgerInMemory().rules(StoryWorld.SHIPPED_RULES).auditLines(line -> { }).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> new JoinerHandler(noQueue, Clock.systemUTC()).handleRequest(new ByteArrayInputStream(
                Fixtures.read(Fixtures.events().resolve("invalid/joiner-missing-userName.json"))), out, context(30_000)))
                .isInstanceOf(EventFailedException.class)
                .hasMessage("REJECTED INVALID_EVENT: detail.userName: is required");
        assertThat(out.toString()).contains("\"outcome\":\"REJECTED\"");
    }

    @Test
    void the_lambda_handler_applies_within_the_invocations_remaining_time() throws Exception {
        StoryWorld world = newWorld();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new JoinerHandler(world.functions, Clock.systemUTC())
                .handleRequest(new ByteArrayInputStream(Fixtures.event("joiner.json")), out, context(30_000));

        assertThat(out.toString()).contains("\"outcome\":\"APPLIED\"");
        assertThat(world.state().user("jane.doe")).isNotNull();
    }

    private static Context context(int remainingMillis) {
        return new Context() {
            public String getAwsRequestId() { return "req-1"; }
            public String getLogGroupName() { return "/aws/lambda/jml-joiner"; }
            public String getLogStreamName() { return "stream"; }
            public String getFunctionName() { return "jml-joiner"; }
            public String getFunctionVersion() { return "$LATEST"; }
            public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:jml-joiner"; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return remainingMillis; }
            public int getMemoryLimitInMB() { return 512; }
            public LambdaLogger getLogger() { return null; }
        };
    }
}
