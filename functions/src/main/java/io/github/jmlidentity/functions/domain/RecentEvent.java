package io.github.jmlidentity.functions.domain;

import java.util.Optional;

/**
 * An HR event the ledger has handled recently: its id, the fingerprint of its payload, the envelope that carried it
 * and what became of it, so that a re-send is a DUPLICATE and a reused id with another payload is refused naming both.
 * Stored as one line of text: the four values, separated by single spaces (none of them holds one).
 */
public record RecentEvent(String hrEventId, String fingerprint, String envelopeId, Outcome outcome) {

    public String encode() {
        return hrEventId + " " + fingerprint + " " + (envelopeId == null ? "-" : envelopeId) + " " + outcome.name();
    }

    public static Optional<RecentEvent> decode(String line) {
        String[] parts = line.split(" ");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RecentEvent(parts[0], parts[1], parts[2].equals("-") ? null : parts[2],
                    Outcome.valueOf(parts[3])));
        } catch (IllegalArgumentException unknownOutcome) {
            return Optional.empty();
        }
    }

    public static RecentEvent of(HrEvent event, Outcome outcome) {
        return new RecentEvent(event.hrEventId(), event.fingerprint(),
                event.eventId() == null || event.eventId().contains(" ") ? null : event.eventId(), outcome);
    }
}
