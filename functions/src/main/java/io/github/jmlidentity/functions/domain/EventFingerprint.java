package io.github.jmlidentity.functions.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of what an HR event says (kind, employee, effectiveAt, sequence, the full record or the leave), in the
 * way an idempotency key's payload hash is kept (as AWS Lambda Powertools' idempotency utility does): re-sends of one
 * HR event have the same fingerprint whatever their envelope (id, time), and an HR event id reused for other content
 * has another one, so that it is refused instead of being taken for a duplicate. The fields are the parsed ones
 * (normalised, unknown fields left out): a field the functions ignore does not make an event different.
 */
public final class EventFingerprint {

    /** Hex digits kept: 128 bits, far beyond any collision among one employee's events. */
    static final int LENGTH = 32;

    private EventFingerprint() {
    }

    static String of(HrEvent event) {
        List<String> parts = new ArrayList<>(List.of(event.kind().name(), event.employeeId(),
                event.effectiveAt().toString(), String.valueOf(event.sequence()), String.valueOf(event.userName()),
                String.valueOf(event.leaveReason())));
        // Only when set, so that the lifecycle events' fingerprints (kept in the ledger) stay as they were.
        if (event.cancelsEventId() != null) {
            parts.add("cancels=" + event.cancelsEventId());
        }
        if (event.followUpOf() != null) {
            parts.add("followUpOf=" + event.followUpOf());
        }
        Employee e = event.employee();
        if (e != null) {
            for (String value : new String[] {e.userName(), e.givenName(), e.familyName(), e.displayName(), e.email(),
                    e.title(), e.department(), e.division(), e.organization(), e.costCenter(), e.managerEmployeeId(),
                    e.location(), e.employmentType(), e.locale(), e.timezone(), e.preferredLanguage()}) {
                parts.add(String.valueOf(value));
            }
        }
        StringBuilder canonical = new StringBuilder();
        // Each part length-prefixed, so that no two different field lists give one text.
        parts.forEach(p -> canonical.append(p.length()).append(':').append(p).append(';'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every JVM has SHA-256", missing);
        }
    }
}
