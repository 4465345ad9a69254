package io.github.jmlidentity.cli;

import io.github.jmlidentity.identitystore.local.FaultSettings;
import io.github.jmlidentity.identitystore.local.IdStyle;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code jml local}: Identity Store Local in the foreground, seeded with the access rules' groups. */
@Command(name = "local",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Starts Identity Store Local, an emulator of the AWS Identity Store API, so that `jml invoke`, the "
                        + "AWS CLI and any SDK run against it with no AWS account. Ctrl-C stops it (and saves --data).",
                "A bad option or setting (an address that is not this machine's, a port in use, a malformed store id, "
                        + "a corrupt or unwritable --data) stops it at once: one line naming the option, exit code 2.",
                "",
                "Then, in another shell:",
                "  jml invoke auto events/joiner.json --endpoint-url http://127.0.0.1:8190",
                "  aws identitystore list-users --identity-store-id d-1234567890 \\",
                "      --endpoint-url http://127.0.0.1:8190 --region us-east-1",
                ""},
        exitCodeOnInvalidInput = 2)
final class LocalCommand implements Callable<Integer> {

    static final Path DEFAULT_SEED = Path.of("config/local-seed.json");

    @Option(names = "--port", defaultValue = "8190", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}); 0.0.0.0 = every interface, with a warning: "
                    + "nothing is authenticated")
    String host;

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "Also answer requests whose Host header is NAME (e.g. a container's service name); others than "
                    + "the bound address, localhost, 127.0.0.1 and [::1] are refused, against DNS rebinding. Repeatable.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "FILE",
            description = "Groups and users to start with (default: config/local-seed.json when it exists: the access rules' groups and a protected user)")
    Path seed;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Load state from FILE at start; every write is journaled and fsync'd before it is answered; "
                    + "FILE is rewritten on exit")
    Path data;

    @Option(names = "--identity-store-id", paramLabel = "ID", description = "Store id (default: the seed's, else d-1234567890)")
    String identityStoreId;

    @Option(names = "--id-style", paramLabel = "STYLE", defaultValue = "prefixed",
            description = "User, group and membership ids: prefixed (1234567890-<uuid>, as stores created in IAM Identity "
                    + "Center) or uuid (bare UUIDs, as stores migrated from AWS SSO); real stores hand out both "
                    + "(default: ${DEFAULT-VALUE})")
    String idStyle;

    @Option(names = "--tps", defaultValue = "0", description = "Request quota per second, as the real service's 20 (default: none)")
    double tps;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Builds and starts the server from the options.
     *
     * @throws IllegalArgumentException naming the option, for a setting the user can fix
     */
    IdentityStoreLocal start() {
        IdentityStoreLocal.Builder builder = IdentityStoreLocal.builder().port(port).host(host)
                .idStyle(IdStyle.parse(idStyle));
        allowedHosts.forEach(builder::allowHost);
        Path seedFile = seed != null ? seed : Files.exists(DEFAULT_SEED) ? DEFAULT_SEED : null;
        if (seedFile != null) {
            if (!Files.isRegularFile(seedFile)) {
                throw new IllegalArgumentException("--seed " + seedFile + ": no such file");
            }
            builder.seed(seedFile);
        }
        if (data != null) {
            builder.data(data);
        }
        if (identityStoreId != null) {
            builder.identityStoreId(identityStoreId);
        }
        if (tps > 0) {
            builder.faults(FaultSettings.none().withTps(tps));
        }
        return builder.build().start();
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        IdentityStoreLocal server;
        try {
            server = start();
        } catch (IllegalArgumentException badSetting) {
            // The emulator's own one-line start-up error, naming the option: no stack trace, exit code 2.
            throw new BadSettingException(badSetting.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "jml-local-shutdown"));
        out.println("Identity Store Local is listening on " + server.endpoint() + " (bound to " + server.boundTo() + ")");
        out.println("  identity store id: " + server.identityStoreId());
        out.println("  use it with:       export AWS_ENDPOINT_URL=" + server.endpoint()
                + " IDENTITY_STORE_ID=" + server.identityStoreId());
        out.println("Ctrl-C to stop" + (data != null ? " (state is saved to " + data + ")" : "") + ".");
        out.flush();
        stopped.await();
        return 0;
    }
}
