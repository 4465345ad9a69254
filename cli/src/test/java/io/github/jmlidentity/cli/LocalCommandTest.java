package io.github.jmlidentity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

/** `jml local`: the emulator's options, and its start-up errors as one line with exit code 2. */
class LocalCommandTest {

    private static final Path REPO = Path.of(System.getProperty("jml.repo.dir", "..")).toAbsolutePath().normalize();
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path work;

    /** `jml local ARGS` up to the point where it would wait for Ctrl-C: the server, started. */
    static IdentityStoreLocal started(String... args) {
        CommandLine commandLine = new CommandLine(new LocalCommand());
        commandLine.parseArgs(args);
        LocalCommand local = commandLine.getCommand();
        return local.start();
    }

    @Test
    void id_style_uuid_mints_bare_uuids_as_stores_migrated_from_aws_sso_do() {
        // GIVEN jml local --id-style uuid
        try (IdentityStoreLocal server = started("--port", "0", "--id-style", "uuid", "--seed", seed())) {
            // WHEN a user is created
            String userId = client(server).createUser(r -> r.identityStoreId(server.identityStoreId()).userName("ada")
                    .displayName("Ada L").name(n -> n.givenName("Ada").familyName("L"))).userId();

            // THEN its id is a bare UUID, with no store prefix
            assertThat(userId).matches(UUID);
        }
        try (IdentityStoreLocal server = started("--port", "0", "--seed", seed())) {
            String userId = client(server).createUser(r -> r.identityStoreId(server.identityStoreId()).userName("ada")
                    .displayName("Ada L").name(n -> n.givenName("Ada").familyName("L"))).userId();
            assertThat(userId).as("the default, prefixed").matches("[0-9a-f]{10}-" + UUID);
        }
    }

    @Test
    void allow_host_admits_a_further_host_name_and_others_stay_refused() throws IOException {
        // GIVEN jml local --allow-host jml-emulator (e.g. a container's service name)
        try (IdentityStoreLocal server = started("--port", "0", "--allow-host", "jml-emulator", "--seed", seed())) {
            // WHEN requests name that host, and another one
            // THEN the first is answered, the other refused (DNS rebinding)
            assertThat(statusLine(server, "jml-emulator")).contains(" 200 ");
            assertThat(statusLine(server, "attacker.example")).contains(" 403 ");
        }
    }

    @Test
    void a_bad_setting_is_one_line_naming_the_option_with_exit_code_2() throws IOException {
        Path corrupt = Files.writeString(work.resolve("store.json"), "{\"users\": [");
        String[][] cases = {
                {"--host", "999.1.1.1"},
                {"--identity-store-id", "bogus"},
                {"--id-style", "numeric"},
                {"--data", corrupt.toString()},
                {"--seed", work.resolve("missing-seed.json").toString()},
        };
        for (String[] setting : cases) {
            // WHEN jml local starts with it
            CliRun run = CliRun.jml(java.util.List.of("local", "--port", "0", setting[0], setting[1]));

            // THEN it stops at once: exit 2, one line on stderr naming the option, no stack trace
            assertThat(run.exitCode()).as(String.join(" ", setting) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).startsWith("jml local: " + setting[0]).doesNotContain("Exception", "\tat ");
            assertThat(run.out()).isEmpty();
        }
    }

    private static String seed() {
        return REPO.resolve("config/local-seed.json").toString();
    }

    private static String statusLine(IdentityStoreLocal server, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /_local/health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
    }

    private static IdentitystoreClient client(IdentityStoreLocal server) {
        return IdentitystoreClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }
}
