package io.github.jmlidentity.bench;

import io.github.jmlidentity.functions.adapter.in.FunctionRuntime;
import io.github.jmlidentity.functions.adapter.out.InMemoryEmployeeLedger;
import io.github.jmlidentity.functions.adapter.out.SdkIdentityDirectory;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

import java.util.function.Consumer;

/**
 * The functions' runtime as a warm container has it (the code path of the Lambda handlers and `jml invoke`):
 * Identity Store through the SDK with the production client settings, and the in-memory ledger, so that the
 * figures are the Identity Store path (DynamoDB ledger latency is the cold-start benchmark's concern).
 */
final class Functions {

    private Functions() {
    }

    static FunctionRuntime runtime(IdentityStoreLocal server, IdentitystoreClient client, AccessRules rules,
                                   Consumer<String> auditSink) {
        return FunctionRuntime.builder()
                .directory(new SdkIdentityDirectory(client, server.identityStoreId()))
                .ledger(new InMemoryEmployeeLedger())
                .rules(rules)
                .auditSink(auditSink)
                .build();
    }
}
