package io.github.jmlidentity.functions.application.port.out;

import io.github.jmlidentity.functions.application.audit.EventIdentity;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.InvalidEventException;

/** Turns an EventBridge envelope, as received, into a valid HR event, or names every problem with it. */
public interface EnvelopeParser {

    /**
     * @param expected the kind the calling function handles, or null for any (routed by detail-type)
     * @throws InvalidEventException naming every bad field
     */
    HrEvent parse(byte[] envelope, EventKind expected);

    /** What can safely be read from an envelope that did not parse, for its audit record (nulls for the rest). */
    EventIdentity identify(byte[] envelope);
}
