package io.github.jmlidentity.functions.wiring;

import io.github.jmlidentity.functions.adapter.json.RedriveMessage;

/**
 * What an operator hands the functions by hand (`jml invoke`): an EventBridge envelope, or a message body taken from
 * the processing failure queue, whose event is read out of it (README, Redrive).
 *
 * @param envelope      the envelope to process
 * @param unwrappedFrom the failure-queue message the envelope was read from, e.g. "failure-queue message (FAILED
 *                      MISSING_GROUP)"; null when the input was the envelope itself
 */
public record EventInput(byte[] envelope, String unwrappedFrom) {

    public static EventInput of(byte[] raw) {
        return RedriveMessage.unwrap(raw).map(m -> new EventInput(m.envelope(), m.shape()))
                .orElseGet(() -> new EventInput(raw, null));
    }
}
