package io.github.jmlidentity.infra;

import io.github.jmlidentity.contract.EffectiveDatingFunction;
import io.github.jmlidentity.contract.LifecycleStage;

/**
 * What one deployed function is, from the contract: its name (construct ids, log group, outputs), its Lambda handler,
 * and what invokes it (for its description).
 *
 * @param callsIdentityStore whether it calls the Identity Store, and so takes a share of the quota
 */
public record FunctionSpec(String functionName, String handler, String trigger, boolean callsIdentityStore) {

    public static FunctionSpec of(LifecycleStage stage) {
        return new FunctionSpec(stage.functionName(), stage.handler(), stage.detailType(), true);
    }

    public static FunctionSpec of(EffectiveDatingFunction function) {
        return switch (function) {
            case CANCELLER -> new FunctionSpec(function.functionName(), function.handler(),
                    function.detailType().orElseThrow(), false);
            case SCHEDULER -> new FunctionSpec(function.functionName(), function.handler(),
                    "every " + EffectiveDatingFunction.SCHEDULE_RATE_MINUTES + " minutes: the changes that came due", true);
        };
    }

    /** The name in construct ids and outputs: Joiner, Mover, Leaver, Canceller, Scheduler. */
    public String title() {
        return Character.toUpperCase(functionName.charAt(0)) + functionName.substring(1);
    }
}
