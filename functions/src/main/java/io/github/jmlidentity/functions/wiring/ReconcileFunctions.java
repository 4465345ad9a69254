package io.github.jmlidentity.functions.wiring;

import io.github.jmlidentity.functions.adapter.out.S3RosterSource;
import io.github.jmlidentity.functions.application.port.in.ReconcileRoster;
import io.github.jmlidentity.functions.domain.reconcile.AdoptionRule;

import java.util.Map;

import static io.github.jmlidentity.contract.FunctionEnvironment.RECONCILE_ADOPT;
import static io.github.jmlidentity.contract.FunctionEnvironment.RECONCILE_MAX_LEAVERS;

/**
 * The reconcile function's wiring: the same directory (paced), ledger, scheduled changes, rules and audit lines as
 * the lifecycle functions ({@link FunctionConfig}), rosters from S3, and the deployment's reconcile settings.
 */
public final class ReconcileFunctions {

    /**
     * @param adoption   RECONCILE_ADOPT: off unless the deployment enables it
     * @param maxLeavers RECONCILE_MAX_LEAVERS, or null for the rules' cap
     */
    public record Deployed(ReconcileRoster reconciler, AdoptionRule adoption, Integer maxLeavers) {
    }

    private ReconcileFunctions() {
    }

    public static Deployed fromEnvironment(Map<String, String> env) {
        FunctionConfig config = FunctionConfig.fromEnvironment(env);
        String adopt = RECONCILE_ADOPT.in(env);
        AdoptionRule adoption = adopt == null || adopt.isBlank() ? AdoptionRule.OFF : AdoptionRule.fromLabel(adopt)
                .orElseThrow(() -> new IllegalStateException("invalid function configuration: RECONCILE_ADOPT must be"
                        + " off, userName+email or userName, was '" + adopt + "'"));
        Integer maxLeavers = maxLeavers(RECONCILE_MAX_LEAVERS.in(env));
        // The ledger table holds the scheduled changes too: the plan leaves an employee with one to it. Its leavers
        // run the leaver's code, which removes direct account assignments too.
        ReconcileRoster reconciler = LifecycleFunctions.deployed(config)
                .rosterSource(S3RosterSource.fromEnvironment(env))
                .buildReconciler();
        return new Deployed(reconciler, adoption, maxLeavers);
    }

    static Integer maxLeavers(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int max = Integer.parseInt(value.trim());
            if (max >= 0) {
                return max;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalStateException("invalid function configuration: RECONCILE_MAX_LEAVERS must be a whole number"
                + " of 0 or more, was '" + value + "'");
    }
}
