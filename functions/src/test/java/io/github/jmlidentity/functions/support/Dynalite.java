package io.github.jmlidentity.functions.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JUnit extension: one dynalite (DynamoDB emulator, npm package pinned in .ci/node) for the whole test run, on
 * a free port, stopped when the run ends. Each test asks for a fresh ledger table.
 */
public final class Dynalite implements BeforeAllCallback {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static volatile Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (Dynalite.class) {
            if (server == null) {
                server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .getOrComputeIfAbsent(Server.class, k -> Server.start(), Server.class);
            }
        }
    }

    public DynamoDbClient client() {
        return server.client;
    }

    /** A new, empty ledger table with the deployed key schema (employeeId S, no sort key). */
    public String newLedgerTable() {
        String table = "jml-ledger-" + TABLES.incrementAndGet();
        server.client.createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("employeeId")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("employeeId").keyType(KeyType.HASH).build()));
        // The SDK waiter polls every 20 s; dynalite is ready within milliseconds.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.client.describeTable(r -> r.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + table + " did not become ACTIVE");
            }
            sleep(20);
        }
        return table;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JUnit closes AutoCloseable store values when the run ends. */
    static final class Server implements AutoCloseable {
        private final Process process;
        private final DynamoDbClient client;

        private Server(Process process, URI endpoint) {
            this.process = process;
            this.client = DynamoDbClient.builder()
                    .endpointOverride(endpoint)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }

        static Server start() {
            Path cli = Path.of(System.getProperty("jml.node.dir", "../.ci/node"))
                    .resolve("node_modules/dynalite/cli.js").toAbsolutePath();
            if (!Files.exists(cli)) {
                throw new IllegalStateException(cli + " is missing: run `npm ci --prefix .ci/node` (mvn verify does)");
            }
            int port = freePort();
            try {
                Process process = new ProcessBuilder("node", cli.toString(), "--port", Integer.toString(port),
                        "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                awaitPort(process, port);
                return new Server(process, URI.create("http://127.0.0.1:" + port));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start dynalite with node", e);
            }
        }

        @Override
        public void close() {
            client.close();
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void awaitPort(Process process, int port) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("dynalite exited with code " + process.exitValue());
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return;
                } catch (IOException notYet) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not listen on port " + port + " within 30 s");
        }
    }
}
