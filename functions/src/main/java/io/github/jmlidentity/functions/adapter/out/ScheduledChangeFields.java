package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.ScheduledChange;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one mapping of a scheduled change to stored fields, for every store of them (the DynamoDB item, the local JSON
 * file): names, and values as text, null when absent. Each store only converts these to its own format.
 */
final class ScheduledChangeFields {

    private ScheduledChangeFields() {
    }

    /** Every field, in a fixed order (the order of the JSON file). */
    static Map<String, String> of(ScheduledChange c) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("hrEventId", c.hrEventId());
        fields.put("eventId", c.eventId());
        fields.put("kind", c.kind().name());
        fields.put("effectiveAt", text(c.effectiveAt()));
        fields.put("dueAt", text(c.dueAt()));
        fields.put("state", c.state().name());
        fields.put("userName", c.userName());
        fields.put("followUpOf", c.followUpOf());
        fields.put("recordedAt", text(c.recordedAt()));
        fields.put("resolvedBy", c.resolvedBy());
        fields.put("resolvedAt", text(c.resolvedAt()));
        fields.put("outcome", c.outcome() == null ? null : c.outcome().name());
        fields.put("fingerprint", c.fingerprint());
        fields.put("sentAt", text(c.sentAt()));
        fields.put("sequence", c.sequence() == null ? null : c.sequence().toString());
        fields.put("envelope", c.envelope());
        return fields;
    }

    /** The change from stored fields; a missing field is null. */
    static ScheduledChange change(Map<String, String> f) {
        String outcome = f.get("outcome");
        return new ScheduledChange(f.get("hrEventId"), f.get("eventId"), EventKind.valueOf(f.get("kind")),
                instant(f.get("effectiveAt")), instant(f.get("dueAt")), ScheduledChange.State.valueOf(f.get("state")),
                f.get("envelope"), f.get("userName"), f.get("followUpOf"), instant(f.get("recordedAt")),
                f.get("resolvedBy"), instant(f.get("resolvedAt")), outcome == null ? null : Outcome.valueOf(outcome),
                f.get("fingerprint"), instant(f.get("sentAt")),
                f.get("sequence") == null ? null : Long.valueOf(f.get("sequence")));
    }

    private static String text(Instant value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
