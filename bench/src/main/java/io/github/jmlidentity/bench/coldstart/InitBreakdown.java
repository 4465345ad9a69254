package io.github.jmlidentity.bench.coldstart;

import io.github.jmlidentity.contract.FunctionEnvironment;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.application.port.out.AccountAssignments;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a cold start's init goes: the deployed wiring's steps (LifecycleFunctions.fromEnvironment) one at a time, in
 * its order, in a fresh JVM, then the first event. Each figure includes the classes its step is the first to load.
 * Prints one line {@code #initbreakdown rulesNanos identityStoreClientNanos dynamoDbClientNanos schemasNanos
 * firstEventNanos} for the cold-start benchmark to read.
 */
final class InitBreakdown {

    private InitBreakdown() {
    }

    static void run(Path event) throws Exception {
        Map<String, String> env = System.getenv();
        long start = System.nanoTime();
        AccessRules rules = LifecycleFunctions.accessRules(Path.of(FunctionEnvironment.ACCESS_RULES_FILE.in(env)));
        long rulesLoaded = System.nanoTime();
        // Endpoint, region and credentials from the environment, as in Lambda.
        IdentitystoreClient identityStore = LifecycleFunctions.identityStoreClient(connection -> { });
        long identityStoreBuilt = System.nanoTime();
        String instanceArn = FunctionEnvironment.SSO_INSTANCE_ARN.in(env);
        LifecycleFunctions.Builder wiring = LifecycleFunctions.builder()
                .identityStore(identityStore, FunctionEnvironment.IDENTITY_STORE_ID.in(env))
                .ledgerTable(FunctionEnvironment.LEDGER_TABLE.in(env));
        // As deployed: the sso-admin client is built when a leaver first needs it (a joiner does not).
        if (instanceArn == null) {
            wiring.accountAssignments(AccountAssignments.NONE);
        } else {
            wiring.ssoAdmin(() -> LifecycleFunctions.ssoAdminClient(connection -> { }), () -> instanceArn);
        }
        long dynamoDbBuilt = System.nanoTime();
        ProcessHrEvent functions = wiring.rules(rules).loadSchemasAtInit(true).auditLines(line -> { }).build();
        long schemasLoaded = System.nanoTime();
        String outcome = functions.process(HrEventRequest.envelope(Files.readAllBytes(event)).expecting(EventKind.JOINED))
                .outcome().name();
        long handled = System.nanoTime();
        if (!outcome.equals("APPLIED")) {
            throw new IllegalStateException("the joiner was " + outcome + ", not APPLIED");
        }
        System.out.println("#initbreakdown " + (rulesLoaded - start) + " " + (identityStoreBuilt - rulesLoaded) + " "
                + (dynamoDbBuilt - identityStoreBuilt) + " " + (schemasLoaded - dynamoDbBuilt) + " "
                + (handled - schemasLoaded));
    }
}
