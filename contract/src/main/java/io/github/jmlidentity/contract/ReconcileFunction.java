package io.github.jmlidentity.contract;

/**
 * The reconcile function as the CDK app deploys it and the functions implement it: its name, its Lambda handler in
 * functions.jar, what triggers carry, and the summary record it logs (which an alarm and a saved query read).
 */
public final class ReconcileFunction {

    /** Construct ids, log group, `jml reconcile`. */
    public static final String NAME = "reconcile";
    public static final String HANDLER_CLASS = LifecycleStage.HANDLER_PACKAGE + ".ReconcileHandler";
    /** A scheduled trigger's input names the roster in this field: {"roster": "s3://bucket/key"}. */
    public static final String ROSTER_FIELD = "roster";
    /** The one summary line per reconcile: {"recordType":"jml.reconcile", ...}. */
    public static final String SUMMARY_RECORD_TYPE = "jml.reconcile";
    /** The summary's field that is true when an operator must look: roster refused, conflicts, failures, withheld leavers. */
    public static final String ALARM_FIELD = "alarm";

    private ReconcileFunction() {
    }

    /** The Lambda {@code Handler} setting, {@code class::method}. */
    public static String handler() {
        return HANDLER_CLASS + "::" + LifecycleStage.HANDLER_METHOD;
    }
}
