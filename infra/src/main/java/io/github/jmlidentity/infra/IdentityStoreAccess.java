package io.github.jmlidentity.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.contract.LifecycleStage;
import io.github.jmlidentity.contract.MissingGroupPolicy;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The Identity Store permissions of each function, read from {@value #ACTIONS_RESOURCE} (config/ in the repo,
 * on the classpath): the one list to adjust when a function starts or stops calling an Identity Store API (the sso:
 * actions in the same file are {@link SsoAdminAccess}'s).
 * The functions module's tests check that every call the handlers make across the event stories is in that
 * list, and that every listed action is called by some story, so the policies cannot drift from the code.
 * Never a wildcard action; a call missing here fails with AccessDeniedException and the event lands in the
 * failure queue.
 *
 * <p>Resources: the one identity store being managed, plus the global user, group and membership
 * resource types (Identity Store ARNs for them carry no account or store, so they cannot be narrowed
 * further; the store ARN in the same statement is what scopes the call to this store).
 */
public final class IdentityStoreAccess {

    /** Classpath resource (config/identitystore-actions.json). */
    static final String ACTIONS_RESOURCE = "identitystore-actions.json";
    private static final String PREFIX = "identitystore:";
    private static final JsonNode ACTIONS = load();

    private IdentityStoreAccess() {
    }

    /** The Identity Store actions {@code stage}'s function may call under the given policies. */
    public static List<String> actions(LifecycleStage stage, LeaverPolicy leaverPolicy, MissingGroupPolicy missingGroupPolicy) {
        return actions(stage.functionName(), leaverPolicy, missingGroupPolicy);
    }

    /** The Identity Store actions the function named {@code function} (joiner, ..., reconcile) may call. */
    public static List<String> actions(String function, LeaverPolicy leaverPolicy, MissingGroupPolicy missingGroupPolicy) {
        List<String> actions = new ArrayList<>();
        actions.addAll(listed(function, "always"));
        actions.addAll(listed(function, MissingGroupPolicy.KEY + "=" + missingGroupPolicy.name().toLowerCase(Locale.ROOT)));
        actions.addAll(listed(function, LeaverPolicy.KEY + "=" + leaverPolicy.configName()));
        return actions.stream().filter(action -> action.startsWith(PREFIX)).toList();
    }

    /**
     * The scheduler's actions: it applies due joiners, movers and leavers (and the deletes that follow suspensions)
     * through the same code, so it may call what any of the three may call under the given policies, nothing more.
     */
    public static List<String> schedulerActions(LeaverPolicy leaverPolicy, MissingGroupPolicy missingGroupPolicy) {
        java.util.Set<String> actions = new java.util.TreeSet<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            actions.addAll(actions(stage, leaverPolicy, missingGroupPolicy));
        }
        return List.copyOf(actions);
    }

    /** The scheduler's Identity Store statement on one store. */
    public static PolicyStatement schedulerStatement(String identityStoreId, LeaverPolicy leaverPolicy,
            MissingGroupPolicy missingGroupPolicy) {
        return statement("IdentityStoreScheduler", schedulerActions(leaverPolicy, missingGroupPolicy), identityStoreId);
    }

    /** The actions listed for {@code stage} under {@code key} ("always", or "policy=value"), of any service. */
    static List<String> listed(LifecycleStage stage, String key) {
        return listed(stage.functionName(), key);
    }

    /** The actions listed for the function named {@code function} (joiner, ..., reconcile) under {@code key}. */
    static List<String> listed(String function, String key) {
        List<String> actions = new ArrayList<>();
        ACTIONS.path(function).path(key).forEach(action -> actions.add(action.asText()));
        return List.copyOf(actions);
    }

    private static JsonNode load() {
        try (InputStream in = IdentityStoreAccess.class.getClassLoader().getResourceAsStream(ACTIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ACTIONS_RESOURCE + " is not on the classpath (config/ in the repo)");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<String> functions = new ArrayList<>();
            for (LifecycleStage stage : LifecycleStage.values()) {
                functions.add(stage.functionName());
            }
            functions.add(io.github.jmlidentity.contract.ReconcileFunction.NAME);
            for (String function : functions) {
                JsonNode always = root.path(function).path("always");
                if (!always.isArray() || always.isEmpty()) {
                    throw new IllegalStateException(ACTIONS_RESOURCE + ": " + function + ".always must list actions");
                }
                root.path(function).forEach(IdentityStoreAccess::requireExplicitActions);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ACTIONS_RESOURCE, e);
        }
    }

    private static void requireExplicitActions(JsonNode list) {
        list.forEach(action -> {
            String name = action.asText();
            if (!(name.startsWith(PREFIX) || name.startsWith(SsoAdminAccess.PREFIX)) || name.contains("*")) {
                throw new IllegalStateException(ACTIONS_RESOURCE + ": '" + name
                        + "' is not an explicit identitystore or sso action");
            }
        });
    }

    /** ARNs the statements are scoped to: the managed store and the user/group/membership resource types. */
    public static List<String> resources(String identityStoreId) {
        String prefix = "arn:" + Aws.PARTITION + ":identitystore:";
        return List.of(
                prefix + ":" + Aws.ACCOUNT_ID + ":identitystore/" + identityStoreId,
                prefix + "::user/*",
                prefix + "::group/*",
                prefix + "::membership/*");
    }

    /** The policy statement granting the reconcile function its Identity Store operations on one store. */
    public static PolicyStatement reconcileStatement(String identityStoreId, LeaverPolicy leaverPolicy,
            MissingGroupPolicy missingGroupPolicy) {
        return statement("IdentityStoreReconcile",
                actions(io.github.jmlidentity.contract.ReconcileFunction.NAME, leaverPolicy, missingGroupPolicy),
                identityStoreId);
    }

    /** The policy statement granting {@code stage}'s function its Identity Store operations on one store. */
    public static PolicyStatement statementFor(LifecycleStage stage, String identityStoreId,
            LeaverPolicy leaverPolicy, MissingGroupPolicy missingGroupPolicy) {
        return statement("IdentityStore" + LifecycleFunction.title(stage),
                actions(stage, leaverPolicy, missingGroupPolicy), identityStoreId);
    }

    /** Allows {@code actions} on the one store's resources ({@link #resources}). */
    private static PolicyStatement statement(String sid, List<String> actions, String identityStoreId) {
        return PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(resources(identityStoreId))
                .build();
    }
}
