package io.github.jmlidentity.functions.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JUnit extension: one dynalite (DynamoDB emulator, npm package pinned in .ci/node) for the whole test run, on
 * a free port, stopped when the run ends (JUnit closes AutoCloseable store values). Each test asks for a fresh
 * ledger table.
 */
public final class Dynalite implements BeforeAllCallback {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static volatile DynaliteProcess server;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (Dynalite.class) {
            if (server == null) {
                server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .getOrComputeIfAbsent(DynaliteProcess.class, k -> DynaliteProcess.start(cli()), DynaliteProcess.class);
            }
        }
    }

    public DynamoDbClient client() {
        return server.client();
    }

    /** A new, empty ledger table with the deployed key schema (employeeId S, no sort key). */
    public String newLedgerTable() {
        return server.newLedgerTable("jml-ledger-" + TABLES.incrementAndGet());
    }

    private static Path cli() {
        return Path.of(System.getProperty("jml.node.dir", "../.ci/node")).resolve("node_modules/dynalite/cli.js")
                .toAbsolutePath();
    }
}
