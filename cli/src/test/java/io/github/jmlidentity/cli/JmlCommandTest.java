package io.github.jmlidentity.cli;

import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `jml local` and `jml invoke` as a user runs them: the emulator seeded from config/, events from events/. */
class JmlCommandTest {

    private static final Path REPO = Path.of(System.getProperty("jml.repo.dir", "..")).toAbsolutePath().normalize();
    private static IdentityStoreLocal server;

    @TempDir
    Path work;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void jmlLocalOnAFreePortWithTheShippedSeed() {
        LocalCommand local = new LocalCommand();
        local.port = 0;
        local.seed = REPO.resolve("config/local-seed.json");
        server = local.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void emptyDirectory() {
        server.reset();
    }

    @Test
    void invoke_auto_runs_each_event_through_its_function_and_prints_the_audit_records() {
        int exit = jml("invoke", "auto", event("joiner.json"), event("mover.json"), event("joiner.json"));

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{\"recordType\":\"jml.audit\""));
        assertThat(out.toString()).contains("\"outcome\":\"APPLIED\"", "\"outcome\":\"DUPLICATE\"");
        assertThat(err.toString()).contains("3 event(s): APPLIED 2, DUPLICATE 1");
        assertThat(server.stats().calls("CreateUser")).isEqualTo(1);
    }

    @Test
    void the_ledger_file_carries_duplicates_across_runs() {
        assertThat(jml("invoke", "joiner", event("joiner.json"))).isZero();
        out.getBuffer().setLength(0);

        assertThat(jml("invoke", "joiner", event("joiner.json"))).isZero();

        assertThat(out.toString()).contains("\"outcome\":\"DUPLICATE\"");
    }

    @Test
    void a_rejected_event_makes_the_exit_code_non_zero_and_names_the_field() {
        int exit = jml("invoke", "joiner", event("joiner.json"), REPO.resolve("events/invalid/joiner-missing-email.json").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("REJECTED INVALID_EVENT: detail.email: is required");
    }

    @Test
    void the_wrong_function_for_an_event_is_rejected() {
        assertThat(jml("invoke", "mover", event("leaver.json"))).isEqualTo(1);
        assertThat(err.toString()).contains("'Employee Left' is not handled by the mover function");
    }

    @Test
    void dry_run_plans_and_writes_nothing() {
        int exit = jml("invoke", "auto", "--dry-run", event("joiner.json"));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("\"outcome\":\"PLANNED\"").contains("\"groupsAdded\":[\"jml-all-staff\"");
        assertThat(server.stats().writeCalls()).isZero();
    }

    @Test
    void invoke_leaver_removes_the_users_direct_account_assignments_in_the_instance_it_discovers() {
        assertThat(jml("invoke", "joiner", event("joiner.json"))).isZero();
        String jane = server.data().userIdByUserName("jane.doe");
        String permissionSet = server.ssoAdmin().permissionSetArnByName("AdministratorAccess");
        try (SsoAdminClient ssoAdmin = SsoAdminClient.builder().endpointOverride(server.endpoint())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            ssoAdmin.createAccountAssignment(r -> r.instanceArn(server.instanceArn()).targetType(TargetType.AWS_ACCOUNT)
                    .targetId("444444444444").permissionSetArn(permissionSet)
                    .principalType(PrincipalType.USER).principalId(jane));
            server.resetStats();
            out.getBuffer().setLength(0);

            int exit = jml("invoke", "leaver", event("leaver.json"));

            assertThat(exit).isZero();
            assertThat(out.toString()).contains("\"userDeleted\":true", "\"assignmentsRemoved\":[{\"accountId\":"
                    + "\"444444444444\",\"permissionSetArn\":\"" + permissionSet + "\"}]");
            assertThat(server.stats().calls("ListInstances")).as("the instance, discovered").isEqualTo(1);
            assertThat(ssoAdmin.listAccountAssignmentsForPrincipal(r -> r.instanceArn(server.instanceArn())
                    .principalType(PrincipalType.USER).principalId(jane)).accountAssignments()).isEmpty();
        }
    }

    @Test
    void a_missing_file_and_an_unknown_function_are_reported() {
        assertThat(jml("invoke", "auto", work.resolve("nope.json").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot read");

        assertThat(JmlCommand.commandLine().setErr(new PrintWriter(err)).execute("invoke", "hire", "x.json")).isEqualTo(2);
        assertThat(err.toString()).contains("expected one of [joiner, mover, leaver, canceller, auto]");
    }

    @Test
    void help_teaches_the_commands() {
        StringWriter help = new StringWriter();
        int exit = JmlCommand.commandLine().setOut(new PrintWriter(help)).execute("--help");

        assertThat(exit).isZero();
        assertThat(help.toString()).contains("invoke", "local", "jml local &");
    }

    private int jml(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", server.endpoint().toString(),
                "--rules", REPO.resolve("config/access-rules.json").toString(),
                "--ledger", work.resolve("ledger.json").toString()));
        CommandLine jml = JmlCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return jml.execute(all.toArray(String[]::new));
    }

    private static String event(String name) {
        return REPO.resolve("events").resolve(name).toString();
    }
}
