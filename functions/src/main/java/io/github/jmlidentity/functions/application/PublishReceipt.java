package io.github.jmlidentity.functions.application;

/**
 * What marks an applied event's final record as written ("published") in the ledger once its audit line is out:
 * the employee, the HR event, and the entry version the commit left (a later write means the mark is not ours).
 */
public record PublishReceipt(String employeeId, String hrEventId, long version) {
}
