package io.github.jmlidentity.functions.application.port.in;

/**
 * The use case `jml reconcile` and the reconcile function run: compare an HR roster with the directory, plan JOIN,
 * MOVE, LEAVE, ADOPT, CONFLICT, UNMANAGED, STALE or OK for each employee and user, and, when asked, apply the
 * changes through the same lifecycle services, ledger, guard and audit as HR events.
 */
@FunctionalInterface
public interface ReconcileRoster {

    ReconcileResult reconcile(ReconcileRequest request);
}
