package io.github.jmlidentity.functions.domain.reconcile;

import io.github.jmlidentity.functions.domain.Employee;

import java.util.List;

/**
 * One line of a reconcile plan.
 *
 * @param employeeId  the roster's employee, or the employeeNumber of a directory user absent from the roster; null
 *                    for an UNMANAGED user
 * @param userName    the directory user's name, else the roster's
 * @param userId      the directory user, or null (JOIN)
 * @param differences for MOVE (and ADOPT): each attribute path and group (+name, -name) that differs
 * @param reason      why: a CONFLICT's or a LEAVE's cause, a STALE item's later event, a note
 * @param employee    the roster's full record for JOIN, MOVE and ADOPT; null otherwise
 * @param rosterLine  the roster line, or 0 for a user the roster does not name
 */
public record PlanItem(ReconcileAction action, String employeeId, String userName, String userId,
                       List<String> differences, String reason, Employee employee, long rosterLine) {

    public PlanItem {
        differences = List.copyOf(differences);
    }

    public PlanItem as(ReconcileAction newAction, String newReason) {
        return new PlanItem(newAction, employeeId, userName, userId, differences, newReason, employee, rosterLine);
    }
}
