package io.github.jmlidentity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jmlidentity.functions.support.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-shot `jml invoke` against Identity Store Local loads only what it needs (its start-up time is mostly class
 * loading): no DynamoDB, SQS or sso-admin client for a local ledger file, no TLS context or trust store for a plain
 * http endpoint, no other subcommand. The figures are the benchmark's (bench --only one-shot); this holds the line.
 */
class OneShotClassLoadingTest {

    private static final Path REPO = Path.of(System.getProperty("jml.repo.dir", "..")).toAbsolutePath().normalize();
    private static final Pattern LOADED = Pattern.compile("\\] (\\S+) source:");
    @RegisterExtension
    static final JmlLocalServer LOCAL = new JmlLocalServer();

    @TempDir
    Path work;

    @Test
    void invoke_joiner_against_a_local_endpoint_loads_no_aws_service_it_does_not_call_and_no_tls() throws IOException {
        // WHEN a joiner is invoked in a fresh JVM, with its class loading logged
        Path log = work.resolve("classes.log");
        ChildProcess.Result run = ChildProcess.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xlog:class+load:file=" + log, "-cp", System.getProperty("java.class.path"), JmlCommand.class.getName(),
                        "invoke", "joiner", REPO.resolve("events/joiner.json").toString(),
                        "--endpoint-url", LOCAL.server().endpoint().toString(),
                        "--rules", REPO.resolve("config/access-rules.json").toString(),
                        "--ledger", work.resolve("ledger.json").toString()),
                Map.of("JAVA_TOOL_OPTIONS", ""), work, Duration.ofMinutes(2));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"outcome\":\"APPLIED\"");

        // THEN none of these were loaded
        List<String> classes = Files.readAllLines(log).stream().map(LOADED::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).toList();
        assertThat(classes).contains("io.github.jmlidentity.cli.InvokeCommand",
                "software.amazon.awssdk.services.identitystore.DefaultIdentitystoreClient");
        assertThat(classes).filteredOn(name -> name.startsWith("software.amazon.awssdk.services.dynamodb.")
                        || name.startsWith("software.amazon.awssdk.services.sqs.")
                        || name.startsWith("software.amazon.awssdk.services.ssoadmin.Default")
                        || name.startsWith("software.amazon.awssdk.services.ssoadmin.model."))
                .as("AWS clients a local ledger and a joiner do not use (sso-admin: only when a leaver needs it; the "
                        + "verifier may load its client interfaces, named in jml invoke's signatures)").isEmpty();
        assertThat(classes).filteredOn(name -> name.equals("javax.net.ssl.SSLContext")
                        || name.startsWith("sun.security.ssl.SSLContextImpl") || name.equals("java.security.KeyStore")
                        || name.equals("sun.security.x509.X509CertImpl") || name.equals("javax.net.ssl.TrustManagerFactory"))
                .as("TLS set-up and the trust store, for a plain http endpoint").isEmpty();
        // (their command classes are loaded, to read their names, but not modelled, initialised or run)
        assertThat(classes).filteredOn(name -> name.startsWith("io.github.jmlidentity.cli.report.Access")
                        || name.startsWith("io.github.jmlidentity.cli.demo.Story")
                        || name.startsWith("io.github.jmlidentity.cli.directory.IdentityCenterClients")
                        || name.startsWith("software.amazon.event.ruler."))
                .as("what the other subcommands run").isEmpty();
    }
}
