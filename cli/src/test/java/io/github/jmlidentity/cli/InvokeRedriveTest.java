package io.github.jmlidentity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.adapter.json.PermanentFailureMessage;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.application.port.out.AccountAssignments;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

/**
 * Redrive by hand: a message body taken from the processing failure queue goes to `jml invoke` as it is (README,
 * Redrive), in either of the queue's two shapes, and its event is processed.
 */
class InvokeRedriveTest {

    private static final Path REPO = Path.of(System.getProperty("jml.repo.dir", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static IdentityStoreLocal server;
    private static IdentitystoreClient client;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        server = LocalCommandTest.started("--port", "0", "--seed", REPO.resolve("config/local-seed.json").toString());
        client = LifecycleFunctions.identityStoreClient(b -> b.endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void seeded() {
        server.reset();
    }

    @Test
    void a_permanent_failure_message_from_stdin_is_redriven_once_the_cause_is_fixed() throws Exception {
        // GIVEN the joiner failed permanently, because a group its rules grant was deleted, and the function sent it
        // to the failure queue
        deleteGroup("jml-engineering");
        String message = failureQueueMessageOf(Files.readAllBytes(REPO.resolve("events/joiner.json")));
        assertThat(message).contains("\"source\":\"jml-identity\"", "MISSING_GROUP");

        // WHEN the operator re-creates the group and pipes the message body to jml invoke auto -
        client.createGroup(r -> r.identityStoreId(server.identityStoreId()).displayName("jml-engineering"));
        CliRun run = withStdin(message, () -> invoke("auto", "-"));

        // THEN the event inside is applied: Jane is created with her groups
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"outcome\":\"APPLIED\"", "\"groupsAdded\":[\"jml-all-staff\",\"jml-engineering\"");
        assertThat(run.err()).contains("-: the event inside a failure-queue message (FAILED MISSING_GROUP)")
                .contains("1 event(s): APPLIED 1");
        assertThat(server.stats().calls("CreateUser")).isEqualTo(1);
    }

    @Test
    void a_lambda_destination_record_is_redriven_from_its_request_payload() throws Exception {
        // GIVEN a Lambda on-failure destination record, as the failure queue holds after Lambda's retries
        ObjectNode record = JSON.createObjectNode();
        record.put("version", "1.0").put("timestamp", "2026-01-05T08:00:03.000Z");
        record.putObject("requestContext").put("requestId", "c2a6b5d1-0000-4000-8000-000000000001")
                .put("functionArn", "arn:aws:lambda:eu-west-1:111122223333:function:JmlIdentity-Joiner:live")
                .put("condition", "RetriesExhausted").put("approximateInvokeCount", 3);
        record.set("requestPayload", JSON.readTree(REPO.resolve("events/joiner.json").toFile()));
        record.putObject("responseContext").put("statusCode", 200).put("executedVersion", "3")
                .put("functionError", "Unhandled");
        record.putObject("responsePayload").put("errorType", "EventFailedException")
                .put("errorMessage", "FAILED ThrottlingException: Rate exceeded");
        Path file = Files.write(work.resolve("destination-record.json"), JSON.writeValueAsBytes(record));

        // WHEN it is given to jml invoke joiner as it is
        CliRun run = invoke("joiner", file.toString());

        // THEN the original event is applied
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"outcome\":\"APPLIED\"", "\"employeeId\":\"E1001\"");
        assertThat(run.err()).contains("the event inside a Lambda on-failure destination record (RetriesExhausted)");
    }

    @Test
    void a_missing_file_says_no_such_file() {
        Path missing = work.resolve("nope.json");

        CliRun run = invoke("auto", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("jml invoke: no such file: " + missing + "\n");
    }

    @Test
    void an_envelope_is_processed_as_it_is() {
        CliRun run = invoke("auto", REPO.resolve("events/joiner.json").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("the event inside");
    }

    private CliRun invoke(String... args) {
        List<String> all = new ArrayList<>(List.of("invoke"));
        all.addAll(List.of(args));
        all.addAll(List.of("--endpoint-url", server.endpoint().toString(),
                "--rules", REPO.resolve("config/access-rules.json").toString(),
                "--ledger", work.resolve("ledger.json").toString()));
        return CliRun.jml(all);
    }

    /** What the deployed function sends to the failure queue (SqsFailureQueue) for this envelope. */
    private String failureQueueMessageOf(byte[] envelope) {
        List<String> queue = new ArrayList<>();
        ProcessHrEvent functions = LifecycleFunctions.builder()
                .identityStore(client, server.identityStoreId())
                .ledgerInMemory()
                .accountAssignments(AccountAssignments.NONE) // a joiner: no account assignment to remove
                .rulesFile(REPO.resolve("config/access-rules.json"))
                .auditLines(line -> { })
                .failureQueue((failure, raw) -> queue.add(PermanentFailureMessage.toJson(raw, failure)))
                .build();
        functions.process(HrEventRequest.envelope(envelope));
        assertThat(queue).hasSize(1);
        return queue.get(0);
    }

    private void deleteGroup(String name) {
        String id = client.getGroupId(r -> r.identityStoreId(server.identityStoreId()).alternateIdentifier(a -> a
                .uniqueAttribute(u -> u.attributePath("displayName").attributeValue(
                        software.amazon.awssdk.core.document.Document.fromString(name))))).groupId();
        client.deleteGroup(r -> r.identityStoreId(server.identityStoreId()).groupId(id));
    }

    private static CliRun withStdin(String text, java.util.function.Supplier<CliRun> run) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.get();
        } finally {
            System.setIn(original);
        }
    }
}
