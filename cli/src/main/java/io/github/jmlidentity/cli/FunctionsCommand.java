package io.github.jmlidentity.cli;

import io.github.jmlidentity.cli.options.FunctionOptions;
import io.github.jmlidentity.cli.options.LedgerOptions;
import io.github.jmlidentity.functions.domain.InvalidAccessRulesException;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/**
 * A command that runs the functions' code (`jml invoke`, `jml scheduled run-due`, `jml reconcile`): the options all
 * take (where, which rules, which ledger), and the functions' wiring they give.
 */
public abstract class FunctionsCommand implements Callable<Integer> {

    @Mixin
    protected FunctionsTarget target;

    @Mixin
    protected FunctionOptions functionOptions;

    @Mixin
    protected LedgerOptions ledger;

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> env = System.getenv();
        LocalAws aws = target.endpoint.aws();
        return run(out, err, env, aws, target.identityStoreId(env, aws));
    }

    /**
     * Runs the command: its output (audit records, a plan) on {@code out}, progress and summary on {@code err}.
     *
     * @param storeId the identity store the options name (see {@link FunctionsTarget#identityStoreId})
     * @return the exit code
     */
    protected abstract int run(PrintWriter out, PrintWriter err, Map<String, String> env, LocalAws aws, String storeId);

    /**
     * The functions' wiring with the access rules, the event source and the ledger these options give.
     *
     * @throws BadSettingException naming the rules file and every error in it, when the rules do not load
     */
    protected LifecycleFunctions.Builder wiring(Map<String, String> env, LocalAws aws) {
        LifecycleFunctions.Builder rules;
        try {
            rules = functionOptions.configure(LifecycleFunctions.builder(), env);
        } catch (InvalidAccessRulesException e) {
            throw new BadSettingException(functionOptions.rulesFile(env) + ": " + String.join("; ", e.errors()));
        }
        return ledger.configure(rules, env, aws);
    }

    /**
     * Builds what {@code build} makes of the functions' wiring on an Identity Store and an sso-admin client for
     * {@code storeId}, and runs {@code work} on it before both clients are closed.
     *
     * @return {@code work}'s exit code
     * @throws BadSettingException when the access rules do not load (see {@link #wiring})
     */
    protected <T> int withClients(Map<String, String> env, LocalAws aws, String storeId,
                                  Function<LifecycleFunctions.Builder, T> build, ToIntFunction<T> work) {
        try (IdentitystoreClient client = LifecycleFunctions.identityStoreClient(
                builder -> aws.configure(builder, target.endpoint.region()));
             SsoAdminClient ssoAdmin = LifecycleFunctions.ssoAdminClient(
                     builder -> aws.configure(builder, target.endpoint.region()))) {
            T built = build.apply(wiring(env, aws)
                    .identityStore(client, storeId)
                    .ssoAdmin(ssoAdmin, target.instanceArn(env, () -> ssoAdmin, storeId)));
            return work.applyAsInt(built);
        }
    }
}
