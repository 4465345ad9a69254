package io.github.jmlidentity.infra;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app behind {@code cdk.json}: reads and validates the context, builds the stack and runs the
 * cdk-nag AwsSolutions checks (errors fail the synth). The stack is environment-agnostic, so synth needs
 * no AWS credentials.
 */
public final class JmlIdentityApp {

    public static final String STACK_ID = "JmlIdentity";
    static final String RECOGNIZE_LAYER_VERSION = "@aws-cdk/aws-lambda:recognizeLayerVersion";

    private JmlIdentityApp() {
    }

    public static void main(String[] args) {
        int status = run(new App(), Path.of("").toAbsolutePath(), System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Builds and synthesizes the app; a context error is printed as one line naming the key (no stack
     * trace) and gives exit status 2.
     */
    static int run(App app, Path workingDirectory, PrintStream err) {
        try {
            build(app, repositoryRoot(workingDirectory));
        } catch (InvalidContextException e) {
            err.println("jml-identity: invalid " + e.getMessage());
            return 2;
        }
        app.synth();
        return 0;
    }

    /** Adds the jml-identity stack and the cdk-nag checks to {@code app}; tests call this too. */
    public static JmlIdentityStack build(App app, Path repoRoot) {
        // A changed access-rules layer must publish a new function version, or the live alias would keep
        // serving the old rules (without this flag, layers are not part of the version hash).
        app.getNode().setContext(RECOGNIZE_LAYER_VERSION, true);
        StackSettings settings = StackSettings.fromContext(app.getNode()::tryGetContext, repoRoot);
        JmlIdentityStack stack = new JmlIdentityStack(app, STACK_ID, StackProps.builder()
                .description("jml-identity: HR-driven joiner/mover/leaver provisioning for IAM Identity Center")
                .build(), settings);
        Tags.of(app).add("project", "jml-identity");
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }

    /**
     * The directory holding cdk.json (where relative context paths point), found from the working
     * directory upwards, so the app works whether it is started from the repository root or from infra/.
     */
    static Path repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cdk.json"))) {
                return dir;
            }
        }
        return start;
    }
}
