package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.cli.LocalAws;
import io.github.jmlidentity.identitycenter.sdk.HttpClients;
import io.github.jmlidentity.identitycenter.sdk.SdkClientSettings;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/**
 * The two SDK clients a command needs, built once per command run. Throttling (20 requests/s per account) is
 * absorbed by the adaptive retry strategy the functions use too, which also slows the client down.
 */
public final class IdentityCenterClients implements AutoCloseable {
    private static final int MAX_ATTEMPTS = 8;

    private final SdkHttpClient http;
    private final ApiCallCounter apiCalls = new ApiCallCounter();
    private final IdentitystoreClient identityStore;
    private final SsoAdminClient ssoAdmin;

    public IdentityCenterClients(LocalAws aws, String region) {
        this.http = HttpClients.forEndpoint(aws.target());
        this.identityStore = aws.configure(IdentitystoreClient.builder(), region).httpClient(http)
                .overrideConfiguration(o -> o.addExecutionInterceptor(apiCalls)
                        .retryStrategy(SdkClientSettings.adaptiveRetry(MAX_ATTEMPTS)))
                .build();
        this.ssoAdmin = aws.configure(SsoAdminClient.builder(), region).httpClient(http)
                .overrideConfiguration(o -> o.addExecutionInterceptor(apiCalls))
                .build();
    }

    public IdentitystoreClient identityStore() {
        return identityStore;
    }

    public SsoAdminClient ssoAdmin() {
        return ssoAdmin;
    }

    /** API calls made so far, per operation. */
    public Map<String, Long> apiCalls() {
        return apiCalls.snapshot();
    }

    @Override
    public void close() {
        identityStore.close();
        ssoAdmin.close();
        http.close();
    }
}
