package io.github.jmlidentity.cli;

import io.github.jmlidentity.identitycenter.DirectoryFailure;
import io.github.jmlidentity.identitycenter.DirectoryFailure.Kind;
import io.github.jmlidentity.identitycenter.sdk.ExceptionTranslator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;

/** Finds the IAM Identity Center instance of an identity store (sso-admin ListInstances), for `jml invoke` and `jml reconcile`. */
public final class InstanceDiscovery {

    private InstanceDiscovery() {
    }

    /**
     * The ARN of the instance whose identity store is {@code identityStoreId}.
     *
     * @throws DirectoryFailure when there is none (the leaver then fails, naming --instance-arn)
     */
    public static String of(SsoAdminClient ssoAdmin, String identityStoreId) {
        List<InstanceMetadata> instances;
        try {
            instances = ssoAdmin.listInstancesPaginator(r -> { }).instances().stream().toList();
        } catch (SdkException e) {
            throw ExceptionTranslator.translate(e, "discover the IAM Identity Center instance (sso-admin ListInstances;"
                    + " or pass --instance-arn)");
        }
        return instances.stream().filter(i -> identityStoreId.equals(i.identityStoreId())).findFirst()
                .map(InstanceMetadata::instanceArn)
                .orElseThrow(() -> new DirectoryFailure(Kind.NOT_FOUND, "INSTANCE_NOT_FOUND", "no IAM Identity Center"
                        + " instance of identity store " + identityStoreId + " in this account and region: pass"
                        + " --instance-arn (or SSO_INSTANCE_ARN) to remove a leaver's direct account assignments",
                        false));
    }
}
