package io.github.jmlidentity.functions.domain;

/**
 * The essentials of an HR event's final audit record, written to the ledger with the commit that applies the event
 * and cleared once the record is written ("published"). A delivery that finds them after the committing invocation
 * ended (its lease lapsed) writes the record again from here, so that no applied event is left without one.
 *
 * @param envelopeId the envelope id of the delivery that applied the event
 * @param attempt    which delivery of the event applied it (1 = the first)
 */
public record FinalRecord(String hrEventId, String envelopeId, Outcome outcome, String userId, String userName,
                          AppliedChanges changes, String note, int attempt) {

    public FinalRecord {
        changes = changes == null ? AppliedChanges.NONE : changes;
    }
}
