package io.github.jmlidentity.cli;

import io.github.jmlidentity.contract.FunctionEnvironment;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import io.github.jmlidentity.cli.options.EndpointOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/**
 * What `jml invoke`, `jml scheduled run-due` and `jml reconcile` run the functions' code against, resolved the same
 * way for all: the identity store, the IAM Identity Center instance (the endpoint and the options that name them), and
 * where the audit records go.
 */
public final class FunctionsTarget {

    @Mixin
    public EndpointOptions endpoint;

    @Option(names = "--identity-store-id", paramLabel = "ID",
            description = "Identity store id (default: IDENTITY_STORE_ID; d-1234567890 for a local endpoint)")
    String identityStoreId;

    @Option(names = "--instance-arn", paramLabel = "ARN",
            description = "IAM Identity Center instance in which a leaver removes the user's direct account "
                    + "assignments (default: SSO_INSTANCE_ARN, else the identity store's instance, found with "
                    + "sso-admin ListInstances when a leaver first needs it)")
    String instanceArn;

    /**
     * --identity-store-id, else IDENTITY_STORE_ID, else the emulator's store for a local endpoint.
     *
     * @throws BadSettingException for a non-local endpoint with neither
     */
    public String identityStoreId(Map<String, String> env, LocalAws aws) {
        String storeId = identityStoreId != null ? identityStoreId : FunctionEnvironment.IDENTITY_STORE_ID.in(env);
        storeId = storeId != null ? storeId : aws.isLocal() ? LocalAws.LOCAL_STORE_ID : null;
        if (storeId == null) {
            throw new BadSettingException("--identity-store-id (or IDENTITY_STORE_ID) is required for a non-local endpoint");
        }
        return storeId;
    }

    /**
     * --instance-arn, else SSO_INSTANCE_ARN, else the identity store's instance, found with sso-admin ListInstances
     * only when a leaver first needs it.
     */
    public Supplier<String> instanceArn(Map<String, String> env, Supplier<SsoAdminClient> ssoAdmin, String storeId) {
        String instance = instanceArn != null ? instanceArn : FunctionEnvironment.SSO_INSTANCE_ARN.in(env);
        return instance != null ? () -> instance : () -> InstanceDiscovery.of(ssoAdmin.get(), storeId);
    }

    /** Each audit record as one JSON line on {@code out}, flushed at once (a long run shows its progress). */
    public static Consumer<String> auditLinesTo(PrintWriter out) {
        return line -> {
            out.println(line);
            out.flush();
        };
    }
}
