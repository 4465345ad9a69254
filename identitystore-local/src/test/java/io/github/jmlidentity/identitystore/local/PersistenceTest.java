package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.MemberId;

/** --data: state survives a restart, and an interrupted server (Ctrl-C) still saves it. */
class PersistenceTest {

    @Test
    void stateWrittenOnCloseIsLoadedOnTheNextStart(@TempDir Path dir) {
        Path data = dir.resolve("state.json");
        String userId;
        String groupId;
        try (IdentityStoreLocal first = IdentityStoreLocal.builder().data(data).build().start();
             IdentitystoreClient client = EmulatorClients.identityStore(first)) {
            DirectoryFixtures given = new DirectoryFixtures(client, first.identityStoreId());
            userId = given.user("persisted");
            groupId = given.group("Persisted Group");
            given.membership(groupId, userId);
        }
        assertThat(data).exists();
        try (IdentityStoreLocal second = IdentityStoreLocal.builder().data(data).build().start();
             IdentitystoreClient client = EmulatorClients.identityStore(second)) {
            String storeId = second.identityStoreId();
            assertThat(client.describeUser(r -> r.identityStoreId(storeId).userId(userId)).userName()).isEqualTo("persisted");
            assertThat(client.listGroupMembershipsForMember(r -> r.identityStoreId(storeId)
                    .memberId(MemberId.fromUserId(userId))).groupMemberships())
                    .singleElement().satisfies(m -> assertThat(m.groupId()).isEqualTo(groupId));
            assertThat(new DirectoryFixtures(client, storeId).user("another")).isNotBlank();
        }
    }

    @Test
    void ctrlCOnTheStandaloneServerSavesTheData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("state.json");
        Process server = new ProcessBuilder(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                IdentityStoreLocalMain.class.getName(), "--port", "0", "--data", data.toString()))
                .redirectErrorStream(true).start();
        try {
            URI endpoint = awaitEndpoint(server);
            try (IdentitystoreClient client = EmulatorClients.identityStore(endpoint)) {
                new DirectoryFixtures(client, IdentityStoreLocal.DEFAULT_IDENTITY_STORE_ID).user("survivor");
            }
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("server stops on SIGINT").isTrue();
        } finally {
            server.destroyForcibly();
        }
        assertThat(Files.readString(data)).contains("\"survivor\"");
    }

    @Test
    void helpTeachesAndABadOptionIsNamed() throws Exception {
        ProcessResult help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("--tps").contains("--data").contains("aws identitystore list-users");
        ProcessResult bad = run("--tps", "fast");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.output()).contains("--tps takes a number, got 'fast'");
    }

    private record ProcessResult(int exitCode, String output) {
    }

    private static ProcessResult run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                IdentityStoreLocalMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ProcessResult(process.waitFor(), output);
    }

    private static URI awaitEndpoint(Process server) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("listening on (http://\\S+)");
        String line;
        while ((line = lines.readLine()) != null) {
            Matcher matcher = listening.matcher(line);
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
        }
        throw new AssertionError("the server exited before listening");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
