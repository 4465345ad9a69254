package io.github.jmlidentity.functions.support;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import io.github.jmlidentity.contract.LedgerTable;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
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

/**
 * dynalite (the DynamoDB emulator pinned in .ci/node, installed by the functions build) on a free loopback port,
 * with a client, for ledger tables. Shared by the functions tests ({@link Dynalite}) and the benchmarks (test-jar).
 */
public final class DynaliteProcess implements AutoCloseable {

    private final Process process;
    private final URI endpoint;
    private final DynamoDbClient client;

    private DynaliteProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.client = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static DynaliteProcess start(Path cli) {
        if (!Files.exists(cli)) {
            throw new IllegalStateException(cli + " is missing: build the functions module first (its build runs npm ci)");
        }
        int port = freePort();
        try {
            Process process = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            awaitPort(process, port);
            return new DynaliteProcess(process, URI.create("http://127.0.0.1:" + port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dynalite with node", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    /**
     * A new, ACTIVE ledger table with the deployed key schema (employeeId S, no sort key) and the due index of
     * scheduled changes (contract: LedgerTable).
     */
    public String newLedgerTable(String name) {
        client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(LedgerTable.PARTITION_KEY)
                                .attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(LedgerTable.DUE_INDEX_PARTITION_KEY)
                                .attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(LedgerTable.DUE_INDEX_SORT_KEY)
                                .attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName(LedgerTable.PARTITION_KEY).keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(LedgerTable.DUE_INDEX)
                        .keySchema(KeySchemaElement.builder().attributeName(LedgerTable.DUE_INDEX_PARTITION_KEY)
                                        .keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName(LedgerTable.DUE_INDEX_SORT_KEY)
                                        .keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
        // The SDK waiter polls every 20 s; dynalite is ready within milliseconds.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (client.describeTable(r -> r.tableName(name)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + name + " did not become ACTIVE");
            }
            pause(20);
        }
        return name;
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

    private static void awaitPort(Process process, int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("dynalite exited with code " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause(50);
            }
        }
        process.destroyForcibly();
        throw new IOException("dynalite did not listen on port " + port + " within 30 s");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
