package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The AWS CLI against the emulator: the exact commands the README documents. Skipped when `aws` is absent. */
class AwsCliTest {
    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void requireAwsCli() {
        boolean onPath = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> new File(dir, "aws").canExecute());
        assumeTrue(onPath, "the AWS CLI is not on PATH");
    }

    @Test
    void createUserGetUserIdAndPaginatedListUsers() throws Exception {
        String storeId = IDENTITY_STORE.server().identityStoreId();
        JsonNode created = aws("identitystore", "create-user", "--identity-store-id", storeId,
                "--user-name", "cli.user", "--display-name", "CLI User",
                "--name", "GivenName=Cli,FamilyName=User",
                "--emails", "Value=cli.user@example.com,Type=work,Primary=true");
        String userId = created.get("UserId").asText();

        JsonNode found = aws("identitystore", "get-user-id", "--identity-store-id", storeId,
                "--alternate-identifier", "{\"UniqueAttribute\":{\"AttributePath\":\"userName\",\"AttributeValue\":\"cli.user\"}}");
        assertThat(found.get("UserId").asText()).isEqualTo(userId);

        for (int i = 0; i < 4; i++) {
            aws("identitystore", "create-user", "--identity-store-id", storeId, "--user-name", "cli.user" + i,
                    "--display-name", "CLI " + i, "--name", "GivenName=Cli,FamilyName=User" + i);
        }
        IDENTITY_STORE.server().resetStats();
        JsonNode all = aws("identitystore", "list-users", "--identity-store-id", storeId, "--page-size", "2");
        assertThat(all.get("Users")).hasSize(5);
        assertThat(IDENTITY_STORE.server().stats().calls("ListUsers")).as("the CLI followed NextToken: pages of 2").isEqualTo(3);

        JsonNode firstThree = aws("identitystore", "list-users", "--identity-store-id", storeId, "--max-items", "3");
        assertThat(firstThree.get("Users")).hasSize(3);
        assertThat(firstThree.get("NextToken").asText()).isNotBlank();
    }

    @Test
    void accountAssignmentIsCreatedDescribedListedAndDeleted() throws Exception {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        String userId = aws("identitystore", "create-user", "--identity-store-id", server.identityStoreId(),
                "--user-name", "cli.assignee", "--display-name", "CLI Assignee",
                "--name", "GivenName=Cli,FamilyName=Assignee").get("UserId").asText();
        String permissionSetArn = server.ssoAdmin().putPermissionSet("ReadOnly", null, "PT1H", 0);
        String instanceArn = aws("sso-admin", "list-instances").at("/Instances/0/InstanceArn").asText();
        String[] assignment = {"--instance-arn", instanceArn, "--target-id", "111122223333", "--target-type", "AWS_ACCOUNT",
                "--permission-set-arn", permissionSetArn, "--principal-type", "USER", "--principal-id", userId};

        JsonNode created = aws(concat(new String[] {"sso-admin", "create-account-assignment"}, assignment))
                .get("AccountAssignmentCreationStatus");
        assertThat(created.get("Status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode creation = aws("sso-admin", "describe-account-assignment-creation-status", "--instance-arn", instanceArn,
                "--account-assignment-creation-request-id", created.get("RequestId").asText())
                .get("AccountAssignmentCreationStatus");
        assertThat(creation.get("Status").asText()).isEqualTo("SUCCEEDED");
        JsonNode listed = aws("sso-admin", "list-account-assignments-for-principal", "--instance-arn", instanceArn,
                "--principal-type", "USER", "--principal-id", userId).get("AccountAssignments");
        assertThat(listed).singleElement().satisfies(a -> {
            assertThat(a.get("AccountId").asText()).isEqualTo("111122223333");
            assertThat(a.get("PermissionSetArn").asText()).isEqualTo(permissionSetArn);
        });

        JsonNode deleted = aws(concat(new String[] {"sso-admin", "delete-account-assignment"}, assignment))
                .get("AccountAssignmentDeletionStatus");
        JsonNode deletion = aws("sso-admin", "describe-account-assignment-deletion-status", "--instance-arn", instanceArn,
                "--account-assignment-deletion-request-id", deleted.get("RequestId").asText())
                .get("AccountAssignmentDeletionStatus");
        assertThat(deletion.get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(aws("sso-admin", "list-account-assignments-for-principal", "--instance-arn", instanceArn,
                "--principal-type", "USER", "--principal-id", userId).get("AccountAssignments")).isEmpty();
        assertThat(aws("sso-admin", "list-account-assignment-creation-status", "--instance-arn", instanceArn,
                "--filter", "Status=SUCCEEDED").get("AccountAssignmentsCreationStatus")).hasSize(1);
        assertThat(server.ssoAdmin().assignments()).isEmpty();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] joined = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static JsonNode aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", IDENTITY_STORE.server().endpoint().toString(),
                "--region", "us-east-1", "--output", "json"));
        // Output goes to files, read once the process has ended: a hung CLI fails the test after the bound
        // instead of blocking a read of its pipe forever.
        File stdout = File.createTempFile("aws-cli", ".out");
        File stderr = File.createTempFile("aws-cli", ".err");
        stdout.deleteOnExit();
        stderr.deleteOnExit();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout).redirectError(stderr);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_PAGER", "");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aws did not finish within 60 s: " + String.join(" ", command));
        }
        String output = Files.readString(stdout.toPath(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output
                + Files.readString(stderr.toPath(), StandardCharsets.UTF_8)).isZero();
        return JSON.readTree(output);
    }
}
