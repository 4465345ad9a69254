package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.domain.LedgerEntry;

/**
 * What marks an applied event's final record as written ("published") in the ledger once its audit line is out: the
 * ledger entry the commit left (or the re-emitting delivery read), so that the mark is one conditional write on its
 * version (a later write means the entry moved on, and the mark is not ours to make).
 */
public record PublishReceipt(LedgerEntry entry, String hrEventId) {

    public String employeeId() {
        return entry.employeeId();
    }
}
