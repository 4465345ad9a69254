package io.github.jmlidentity.bench;

import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

import java.util.Collection;

/** SDK clients pointed at the emulator, and setting up the groups the access rules grant. */
public final class Directories {

    private Directories() {
    }

    /** The functions' production client (retry strategy, call recording, HTTP client) against the emulator. */
    public static IdentitystoreClient functionsClient(IdentityStoreLocal server) {
        return LifecycleFunctions.identityStoreClient(builder -> local(builder, server));
    }

    /** The functions' production sso-admin client against the emulator. */
    public static SsoAdminClient functionsSsoAdminClient(IdentityStoreLocal server) {
        return LifecycleFunctions.ssoAdminClient(builder -> local(builder, server));
    }

    public static IdentitystoreClient client(IdentityStoreLocal server, ClientOverrideConfiguration overrides) {
        return local(IdentitystoreClient.builder(), server)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(overrides)
                .build();
    }

    /** The emulator's endpoint, a region and dummy credentials, on any AWS SDK client builder. */
    private static <B extends AwsClientBuilder<B, ?>> B local(B builder, IdentityStoreLocal server) {
        return builder.endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    static void createGroups(IdentityStoreLocal server, Collection<String> names) {
        try (IdentitystoreClient client = client(server, ClientOverrideConfiguration.builder().build())) {
            for (String name : names) {
                client.createGroup(r -> r.identityStoreId(server.identityStoreId()).displayName(name));
            }
        }
    }
}
