package io.github.jmlidentity.cli.options;

import io.github.jmlidentity.cli.LocalAws;
import java.net.URI;
import picocli.CommandLine.Option;

/** Where AWS is: shared by every command that calls the Identity Store or sso-admin. */
public final class EndpointOptions {

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send requests here instead of AWS, e.g. http://127.0.0.1:8190 for Identity Store Local. "
                    + "Default: AWS_ENDPOINT_URL_IDENTITYSTORE / AWS_ENDPOINT_URL, else AWS.")
    URI endpointUrl;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region of IAM Identity Center. Default: AWS_REGION or the profile's region.")
    String region;

    /** The endpoint as `jml` reaches it (a local one needs no credentials). */
    public LocalAws aws() {
        return LocalAws.resolve(endpointUrl);
    }

    /** The region given, or null for the standard AWS settings. */
    public String region() {
        return region;
    }
}
