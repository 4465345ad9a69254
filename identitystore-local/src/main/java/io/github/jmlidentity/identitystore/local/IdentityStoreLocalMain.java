package io.github.jmlidentity.identitystore.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar identitystore-local.jar --port 8190 [--data FILE] [--seed FILE] [--tps 20] ...} */
public final class IdentityStoreLocalMain {
    private static final String USAGE = """
            Usage: java -jar identitystore-local.jar [options]

            Serves the AWS Identity Store API (and the sso-admin operations the project uses: instance,
            permission-set and assignment reads, and the asynchronous Create/DeleteAccountAssignment with
            their status calls) on http://HOST:PORT for the AWS SDKs and CLI (--endpoint-url).
            Ctrl-C (or SIGTERM) stops it and saves --data.
            A bad option or setting exits with status 2 and one line naming it.

              --port N                 port to listen on (default 8190; 0 = any free port)
              --host ADDRESS           address to bind (default 127.0.0.1; 0.0.0.0 = every interface, with a warning:
                                       nothing is authenticated)
              --allow-host NAME        also answer requests whose Host header is NAME (e.g. a container's
                                       service name); others than this server's address, localhost, 127.0.0.1
                                       and [::1] are refused (DNS rebinding). Repeatable.
              --identity-store-id ID   id of the store (default: the seed's, else d-1234567890)
              --seed FILE              JSON with groups, users, accounts, permission sets, assignments
              --data FILE              load state from FILE at start (when it exists); every write is journaled
                                       to FILE.journal and fsync'd before it is answered (kill -9 loses
                                       nothing acknowledged); FILE is rewritten on exit and POST /_local/save
              --id-style STYLE         prefixed (default: 1234567890-<uuid>, as new stores) or uuid (bare UUIDs,
                                       as stores migrated from AWS SSO): real stores hand out both
              --tps N                  quota in requests/s across Identity Store operations (20 = the real limit)
              --burst N                quota bucket size (default: one second of --tps)
              --error-rate R           fraction 0..1 of calls answered with InternalServerException
              --conflict-rate R        fraction 0..1 of writes answered with ConflictException CONCURRENT_MODIFICATION
              --latency-ms N           added latency per call
              --random-seed N          seed of the fault draws, to reproduce a run
              --help                   this text

            Admin endpoints: GET /_local/health, GET|DELETE /_local/stats, GET|POST /_local/faults,
            GET|POST /_local/provisioning (assignment delay and injected failures), POST /_local/reset,
            POST /_local/save (POST and DELETE need Content-Type: application/json).
            API requests need Content-Type: application/x-amz-json-1.1, as the AWS SDKs and CLI send; bodies
            are limited to 1 MiB (413).
            Example: aws identitystore list-users --identity-store-id d-1234567890 \\
                       --endpoint-url http://127.0.0.1:8190 --region us-east-1
            """;

    private IdentityStoreLocalMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        IdentityStoreLocal.Builder builder = IdentityStoreLocal.builder().port(8190);
        FaultSettings faults = FaultSettings.none();
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    System.out.print(USAGE);
                    return;
                }
                String value = valueOf(args, ++i, option);
                switch (option) {
                    case "--port" -> builder.port(integer(option, value));
                    case "--host" -> builder.host(value);
                    case "--allow-host" -> builder.allowHost(value);
                    case "--identity-store-id" -> builder.identityStoreId(value);
                    case "--seed" -> builder.seed(existingFile(option, value));
                    case "--data" -> builder.data(Path.of(value));
                    case "--id-style" -> builder.idStyle(IdStyle.parse(value));
                    case "--tps" -> faults = faults.withTps(number(option, value));
                    case "--burst" -> faults = faults.withBurst(integer(option, value));
                    case "--error-rate" -> faults = faults.withInternalErrorRate(number(option, value));
                    case "--conflict-rate" -> faults = faults.withConcurrentModificationRate(number(option, value));
                    case "--latency-ms" -> faults = faults.withLatencyMillis(integer(option, value));
                    case "--random-seed" -> faults = faults.withRandomSeed(integer(option, value));
                    default -> throw new IllegalArgumentException("Unknown option " + option + " (see --help)");
                }
            }
        } catch (IllegalArgumentException badOption) {
            System.err.println("identitystore-local: " + badOption.getMessage());
            System.exit(2);
            return;
        }
        IdentityStoreLocal server;
        try {
            server = builder.faults(faults).build().start();
        } catch (IllegalArgumentException badSetting) {
            // Settings the user can fix: one line naming the option, no stack trace.
            System.err.println("identitystore-local: " + badSetting.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException failed) {
            System.err.println("identitystore-local: cannot start: " + failed);
            System.exit(1);
            return;
        }
        System.out.printf("Identity Store Local listening on %s (bound to %s; identity store %s, instance %s)%n",
                server.endpoint(), server.boundTo(), server.identityStoreId(), server.instanceArn());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value (see --help)");
        }
        return args[index];
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(option + " takes a whole number, got '" + value + "'", notANumber);
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(option + " takes a number, got '" + value + "'", notANumber);
        }
    }

    private static Path existingFile(String option, String value) {
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(option + " file not found: " + value);
        }
        return path;
    }
}
