package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production clients take their endpoint the standard AWS way, with no code of ours: the SDK itself reads
 * AWS_ENDPOINT_URL_IDENTITYSTORE / AWS_ENDPOINT_URL (and their system-property twins, used here because a test
 * cannot set environment variables).
 */
class EndpointConfigurationTest {

    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();

    @Test
    void the_service_specific_endpoint_setting_reaches_identity_store_local() {
        assertReachesEmulator("aws.endpointUrlIdentitystore");
    }

    @Test
    void the_global_endpoint_setting_reaches_identity_store_local() {
        assertReachesEmulator("aws.endpointUrl");
    }

    @Test
    void the_functions_client_keeps_the_retry_strategy_that_honours_retry_after_seconds() {
        try (IdentitystoreClient client = AwsClients.identityStore(b -> b.endpointOverride(IDENTITY_STORE.server()
                        .endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1).credentialsProvider(
                        software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create()))) {
            assertThat(client.serviceClientConfiguration().overrideConfiguration().retryStrategy()).get()
                    .extracting(strategy -> strategy.getClass().getSimpleName()).isEqualTo("RetryAfterHonouringStrategy");
        }
    }

    private static void assertReachesEmulator(String property) {
        System.setProperty(property, IDENTITY_STORE.server().endpoint().toString());
        try (IdentitystoreClient client = AwsClients.identityStore(0)) {
            SdkIdentityDirectory directory = new SdkIdentityDirectory(client, IDENTITY_STORE.server().identityStoreId());

            assertThat(directory.findGroupId("no-such-group")).isEmpty();
            assertThat(IDENTITY_STORE.server().stats().calls("GetGroupId")).isEqualTo(1);
        } finally {
            System.clearProperty(property);
        }
    }
}
