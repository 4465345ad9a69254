package io.github.jmlidentity.cli;

import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * `jml local` on a free port with the shipped seed, for a test class that runs `jml` against it: started once for
 * the class, back to the seed before each test, stopped after the class. Register it as a static field.
 */
final class JmlLocalServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private static final Path REPO = Path.of(System.getProperty("jml.repo.dir", "..")).toAbsolutePath().normalize();

    private IdentityStoreLocal server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = LocalCommandTest.started("--port", "0", "--seed", REPO.resolve("config/local-seed.json").toString());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    IdentityStoreLocal server() {
        return server;
    }
}
