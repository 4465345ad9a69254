package io.github.jmlidentity.bench;

import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/**
 * The functions as a warm container has them (the code path of the Lambda handlers and `jml invoke`): Identity Store
 * and sso-admin through the SDK with the production client settings, and the in-memory ledger, so that the figures
 * are the Identity Store path (DynamoDB ledger latency is the cold-start benchmark's concern). Audit lines are dropped.
 */
final class Functions {

    private Functions() {
    }

    static ProcessHrEvent warm(IdentityStoreLocal server, IdentitystoreClient client, SsoAdminClient ssoAdmin,
                               AccessRules rules) {
        return LifecycleFunctions.builder()
                .identityStore(client, server.identityStoreId())
                .ssoAdmin(ssoAdmin, server.instanceArn())
                .ledgerInMemory()
                .rules(rules)
                .auditLines(line -> { })
                .build();
    }
}
