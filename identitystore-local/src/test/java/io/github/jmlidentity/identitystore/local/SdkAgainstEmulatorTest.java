package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.ConflictExceptionReason;

/** Base of the tests that drive a fresh emulator through the real SDK client, one store per test. */
abstract class SdkAgainstEmulatorTest {
    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();

    static IdentitystoreClient client;
    String storeId;
    DirectoryFixtures given;

    @BeforeAll
    static void client() {
        client = EmulatorClients.identityStore(IDENTITY_STORE.server());
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @BeforeEach
    void fixtures() {
        storeId = IDENTITY_STORE.server().identityStoreId();
        given = new DirectoryFixtures(client, storeId);
    }

    /** THEN {@code call} breaks a uniqueness rule: ConflictException with reason UNIQUENESS_CONSTRAINT_VIOLATION. */
    static void assertUniquenessConflict(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.reason()).isEqualTo(ConflictExceptionReason.UNIQUENESS_CONSTRAINT_VIOLATION));
    }
}
