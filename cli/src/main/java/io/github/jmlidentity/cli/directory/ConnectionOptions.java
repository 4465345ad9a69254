package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.cli.output.OutputFormat;
import java.net.URI;
import picocli.CommandLine.Option;

/** Where the Identity Store is and how to print: shared by every directory command. */
public final class ConnectionOptions {

    @Option(names = {"--identitystoreid", "--identity-store-id"}, paramLabel = "ID",
            description = "Identity store id (d-xxxxxxxxxx). Default: discovered with sso-admin ListInstances when the account has one instance.")
    String identityStoreId;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send requests here instead of AWS, e.g. http://127.0.0.1:8190 for Identity Store Local. "
                    + "Default: AWS_ENDPOINT_URL_IDENTITYSTORE / AWS_ENDPOINT_URL, else AWS.")
    URI endpointUrl;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region of IAM Identity Center. Default: AWS_REGION or the profile's region.")
    String region;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    String output;

    public OutputFormat outputFormat() {
        try {
            return OutputFormat.valueOf(output.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new io.github.jmlidentity.cli.CliException("--output must be table, json or csv, got '" + output + "'");
        }
    }

    public String identityStoreId() {
        return identityStoreId;
    }

    public URI endpointUrl() {
        return endpointUrl;
    }

    public String region() {
        return region;
    }
}
