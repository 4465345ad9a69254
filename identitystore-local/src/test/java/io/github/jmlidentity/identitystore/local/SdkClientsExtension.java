package io.github.jmlidentity.identitystore.local;

import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/**
 * The test class's sso-admin and Identity Store clients ({@link EmulatorClients}) on its emulator: each opened on
 * first use, once the emulator runs, and closed after the class's tests.
 */
final class SdkClientsExtension implements AfterAllCallback {
    private final IdentityStoreLocalExtension emulator;
    private SsoAdminClient ssoAdmin;
    private IdentitystoreClient identityStore;

    SdkClientsExtension(IdentityStoreLocalExtension emulator) {
        this.emulator = emulator;
    }

    synchronized SsoAdminClient ssoAdmin() {
        if (ssoAdmin == null) {
            ssoAdmin = EmulatorClients.ssoAdmin(emulator.server());
        }
        return ssoAdmin;
    }

    synchronized IdentitystoreClient identityStore() {
        if (identityStore == null) {
            identityStore = EmulatorClients.identityStore(emulator.server());
        }
        return identityStore;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (ssoAdmin != null) {
            ssoAdmin.close();
            ssoAdmin = null;
        }
        if (identityStore != null) {
            identityStore.close();
            identityStore = null;
        }
    }
}
