package io.github.jmlidentity.functions.domain.reconcile;

import java.util.HashMap;
import java.util.Map;

/**
 * Which directory user the ledger ties each employee to (entries with a user id), both ways: how a reconcile knows a
 * managed user whose employeeNumber was removed or changed by hand.
 */
public final class LedgerLinks {

    private final Map<String, String> userByEmployee = new HashMap<>();
    private final Map<String, String> employeeByUser = new HashMap<>();

    public void link(String employeeId, String userId) {
        if (employeeId != null && userId != null) {
            userByEmployee.put(employeeId, userId);
            employeeByUser.put(userId, employeeId);
        }
    }

    public String userOf(String employeeId) {
        return userByEmployee.get(employeeId);
    }

    public String employeeOf(String userId) {
        return employeeByUser.get(userId);
    }

    public int size() {
        return userByEmployee.size();
    }
}
