package io.github.jmlidentity.cli.demo;

import io.github.jmlidentity.functions.adapter.in.AuditRecord;
import java.util.ArrayList;
import java.util.List;

/** An audit record in one line a person reads: outcome, who, what changed, what it cost. */
final class AuditLine {
    /** A joiner sets every attribute: naming a few is enough on a terminal; the audit record has them all. */
    private static final int SHOWN_ATTRIBUTES = 4;
    private AuditLine() {
    }

    static String readable(AuditRecord audit) {
        List<String> parts = new ArrayList<>();
        parts.add(String.format("%-9s", audit.outcome()));
        parts.add((audit.userName() == null ? "?" : audit.userName()) + " (" + (audit.employeeId() == null ? "?" : audit.employeeId()) + ")");
        if (!audit.membershipsBefore().isEmpty()) {
            parts.add("was in " + String.join(", ", audit.membershipsBefore()));
        }
        List<String> changed = audit.attributesChanged();
        if (!changed.isEmpty()) {
            parts.add(changed.size() <= SHOWN_ATTRIBUTES ? "changed " + String.join(", ", changed)
                    : "set " + changed.size() + " attributes (" + String.join(", ", changed.subList(0, SHOWN_ATTRIBUTES)) + ", ...)");
        }
        List<String> groups = new ArrayList<>();
        audit.groupsAdded().forEach(g -> groups.add("+" + g));
        audit.groupsRemoved().forEach(g -> groups.add("-" + g));
        if (!groups.isEmpty()) {
            parts.add("groups " + String.join(" ", groups));
        }
        if (audit.userDeleted()) {
            parts.add("user deleted");
        }
        if (audit.reason() != null) {
            parts.add("reason: " + audit.reason());
        }
        long calls = audit.apiCalls().values().stream().mapToLong(Long::longValue).sum();
        parts.add(calls + " API call" + (calls == 1 ? "" : "s") + ", " + audit.durationMs() + " ms");
        return String.join(" | ", parts);
    }
}
