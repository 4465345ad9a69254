package io.github.jmlidentity.cli.options;

import picocli.CommandLine.Option;

/** Which identity store: shared by the directory commands and the report. */
public final class IdentityStoreOption {

    @Option(names = {"--identitystoreid", "--identity-store-id"}, paramLabel = "ID",
            description = "Identity store id (d-xxxxxxxxxx). Default: discovered with sso-admin ListInstances when the "
                    + "account has one instance.")
    String identityStoreId;

    /** The id given, or null to discover it. */
    public String identityStoreId() {
        return identityStoreId;
    }
}
