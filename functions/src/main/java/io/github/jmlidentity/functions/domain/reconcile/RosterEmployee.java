package io.github.jmlidentity.functions.domain.reconcile;

import io.github.jmlidentity.functions.domain.Employee;

import java.util.Objects;

/**
 * One row of an HR roster, validated by the schema of the event it stands for: an active row as an Employee Moved
 * detail (the full record), a terminated row as an Employee Left detail.
 *
 * @param line     where the row is in the roster (1 is a CSV header), for messages
 * @param employee the full HR record of an active row; null for a terminated one
 * @param userName the row's user name (optional on a terminated row)
 */
public record RosterEmployee(long line, String employeeId, String userName, boolean terminated, Employee employee) {

    public RosterEmployee {
        Objects.requireNonNull(employeeId, "employeeId");
        if (!terminated) {
            Objects.requireNonNull(employee, "an active row carries the employee's full record");
        }
    }

    public static RosterEmployee active(long line, Employee employee) {
        return new RosterEmployee(line, employee.employeeId(), employee.userName(), false, employee);
    }

    public static RosterEmployee terminated(long line, String employeeId, String userName) {
        return new RosterEmployee(line, employeeId, userName, true, null);
    }

    /** The primary email HR gives the employee, or null (terminated rows need none). */
    public String email() {
        return employee == null ? null : employee.email();
    }
}
