package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

/** The server's command line: help that teaches, and start-up problems told in one line naming the option. */
class StandaloneServerTest {

    @Test
    void helpTeachesAndABadOptionIsNamed() throws Exception {
        StandaloneServer.Result help = StandaloneServer.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("--tps").contains("--data").contains("--id-style").contains("--allow-host")
                .contains("aws identitystore list-users");
        assertOneLineError(StandaloneServer.run("--tps", "fast"), "identitystore-local: --tps takes a number, got 'fast'");
        assertOneLineError(StandaloneServer.run("--id-style", "short"), "identitystore-local: --id-style takes prefixed or uuid, got 'short'");
    }

    @Test
    void anAddressThatIsNotThisMachinesIsNamed() throws Exception {
        assertOneLineError(StandaloneServer.run("--host", "999.1.1.1", "--port", "0"),
                "identitystore-local: --host 999.1.1.1: not an address of this machine");
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertOneLineError(StandaloneServer.run("--port", Integer.toString(taken.getLocalPort())),
                    "identitystore-local: --port " + taken.getLocalPort() + ": already in use");
        }
    }

    @Test
    void aMalformedIdentityStoreIdIsNamed() throws Exception {
        assertOneLineError(StandaloneServer.run("--identity-store-id", "bogus", "--port", "0"),
                "identitystore-local: --identity-store-id 'bogus' is not an identity store id");
    }

    @Test
    void aCorruptDataFileIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("state.json"), "{\n  \"format\": \"identitystore-local/1\",\n  \"stores\": [ oops ]\n}\n");
        assertOneLineError(StandaloneServer.run("--port", "0", "--data", data.toString()),
                "identitystore-local: --data " + data.toAbsolutePath() + ": not valid JSON at line 3: ");
    }

    @Test
    void anUnwritableDataPathIsNamed(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("plain-file"), "x").resolve("state.json");
        assertOneLineError(StandaloneServer.run("--port", "0", "--data", data.toString()),
                "identitystore-local: --data " + data.toAbsolutePath() + ": cannot write there");
    }

    @Test
    void theBannerPrintsTheRealBindAddressAndANonLoopbackBindIsWarnedAbout() throws Exception {
        try (StandaloneServer loopback = StandaloneServer.start("--port", "0")) {
            String endpoint = loopback.endpoint().toString();
            assertThat(loopback.output()).contains("bound to 127.0.0.1:" + loopback.endpoint().getPort())
                    .doesNotContain("WARNING");
            assertThat(endpoint).startsWith("http://127.0.0.1:");
        }
        try (StandaloneServer everywhere = StandaloneServer.start("--host", "0.0.0.0", "--port", "0")) {
            int port = everywhere.endpoint().getPort();
            assertThat(everywhere.output()).contains("bound to 0.0.0.0:" + port)
                    .contains("WARNING: listening on 0.0.0.0:" + port + ", every network interface");
            try (IdentitystoreClient client = EmulatorClients.identityStore(everywhere.endpoint())) {
                assertThat(client.listUsers(r -> r.identityStoreId(IdentityStoreLocal.DEFAULT_IDENTITY_STORE_ID)).users())
                        .isEmpty();
            }
        }
    }

    private static void assertOneLineError(StandaloneServer.Result result, String expectedStart) {
        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output()).startsWith(expectedStart);
        assertThat(result.output().strip()).as("one line, no stack trace").doesNotContain("\n");
    }
}
