package io.github.jmlidentity.identitystore.local.junit;

import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.ssoadmin.ProvisioningSettings;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Identity Store Local per test class, reset before each test.
 * <pre>
 * &#64;RegisterExtension
 * static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();
 * </pre>
 * Test methods may also take an {@link IdentityStoreLocal} parameter.
 */
public final class IdentityStoreLocalExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        ParameterResolver {
    private Path seed;
    private Clock clock;
    private ProvisioningSettings provisioning;
    private IdentityStoreLocal server;

    /** Applies this seed file at start and after every reset. */
    public IdentityStoreLocalExtension withSeed(Path seedFile) {
        this.seed = seedFile;
        return this;
    }

    /** Times account-assignment provisioning: a test advances it instead of sleeping. */
    public IdentityStoreLocalExtension withClock(Clock newClock) {
        this.clock = newClock;
        return this;
    }

    /** Provisioning delay and injected failures of account assignments, restored before each test. */
    public IdentityStoreLocalExtension withProvisioning(ProvisioningSettings settings) {
        this.provisioning = settings;
        return this;
    }

    public IdentityStoreLocal server() {
        if (server == null) {
            throw new IllegalStateException("The emulator starts before all tests: register the extension on a static field");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        IdentityStoreLocal.Builder builder = IdentityStoreLocal.builder().port(0);
        if (seed != null) {
            builder.seed(seed);
        }
        if (clock != null) {
            builder.clock(clock);
        }
        if (provisioning != null) {
            builder.provisioning(provisioning);
        }
        server = builder.build().start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == IdentityStoreLocal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server();
    }
}
