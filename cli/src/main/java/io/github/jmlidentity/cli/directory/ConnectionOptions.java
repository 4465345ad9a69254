package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.cli.CliException;
import io.github.jmlidentity.cli.options.EndpointOptions;
import io.github.jmlidentity.cli.options.IdentityStoreOption;
import io.github.jmlidentity.cli.output.OutputFormat;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the Identity Store is and how to print: shared by every directory command. */
public final class ConnectionOptions {

    @Mixin
    IdentityStoreOption store;

    @Mixin
    EndpointOptions endpoint;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    String output;

    public OutputFormat outputFormat() {
        try {
            return OutputFormat.valueOf(output.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new CliException("--output must be table, json or csv, got '" + output + "'");
        }
    }

    /** The clients for the endpoint and region given. */
    IdentityCenterClients clients() {
        return new IdentityCenterClients(endpoint.aws(), endpoint.region());
    }

    /** The identity store given, or discovered. */
    Directory connect(IdentityCenterClients clients) {
        return Directory.connect(clients, store.identityStoreId());
    }
}
