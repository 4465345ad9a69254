package io.github.jmlidentity.bench;

import io.github.jmlidentity.functions.adapter.out.AwsClients;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

import java.util.Collection;

/** SDK clients pointed at the emulator, and setting up the groups the access rules grant. */
public final class Directories {

    private Directories() {
    }

    /** The functions' production client configuration (retry strategy, call recording) against the emulator. */
    public static IdentitystoreClient functionsClient(IdentityStoreLocal server) {
        return client(server, AwsClients.overrides());
    }

    public static IdentitystoreClient client(IdentityStoreLocal server, ClientOverrideConfiguration overrides) {
        return IdentitystoreClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(overrides)
                .build();
    }

    static void createGroups(IdentityStoreLocal server, Collection<String> names) {
        try (IdentitystoreClient client = client(server, ClientOverrideConfiguration.builder().build())) {
            for (String name : names) {
                client.createGroup(r -> r.identityStoreId(server.identityStoreId()).displayName(name));
            }
        }
    }
}
