package io.github.jmlidentity.identitystore.local.junit;

import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.ssoadmin.ProvisioningSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
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
    /** The builder settings of the tests' emulator, in the order the test gave them; port 0 comes first. */
    private Consumer<IdentityStoreLocal.Builder> settings = builder -> builder.port(0);
    private IdentityStoreLocal server;

    /** Applies this seed file at start and after every reset. */
    public IdentityStoreLocalExtension withSeed(Path seedFile) {
        return configure(builder -> builder.seed(seedFile));
    }

    /** Times account-assignment provisioning: a test advances it (see {@link ManualClock}) instead of sleeping. */
    public IdentityStoreLocalExtension withClock(Clock clock) {
        return configure(builder -> builder.clock(clock));
    }

    /** Provisioning delay and injected failures of account assignments, restored before each test. */
    public IdentityStoreLocalExtension withProvisioning(ProvisioningSettings provisioning) {
        return configure(builder -> builder.provisioning(provisioning));
    }

    /** Any other setting of the emulator, e.g. {@code builder -> builder.idStyle(IdStyle.UUID)}; applied at start. */
    public IdentityStoreLocalExtension configure(Consumer<IdentityStoreLocal.Builder> setting) {
        settings = settings.andThen(Objects.requireNonNull(setting, "setting"));
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
        IdentityStoreLocal.Builder builder = IdentityStoreLocal.builder();
        settings.accept(builder);
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
