package io.github.jmlidentity.functions.application.port.out;

/**
 * The ledger's stored state cannot be read as it is: an empty or truncated file, an unknown status, a date that is
 * not one. Nothing may then be processed: starting over from an empty ledger would re-create departed staff, apply
 * stale events and reset the mass-deletion guard. The message names where (the file) and the field, e.g.
 * {@code ledger .jml/ledger.json: employees[3].status: 'ACTIV' is not one of ACTIVE, LEFT}.
 */
public final class UnreadableLedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreadableLedgerException(String message) {
        super(message);
    }
}
