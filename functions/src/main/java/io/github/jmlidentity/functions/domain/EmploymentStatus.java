package io.github.jmlidentity.functions.domain;

/** The employee's status in the ledger after the last applied event. */
public enum EmploymentStatus {
    ACTIVE,
    LEFT
}
