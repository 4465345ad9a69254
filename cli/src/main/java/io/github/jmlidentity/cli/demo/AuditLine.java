package io.github.jmlidentity.cli.demo;

import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.audit.Changes;
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
        String employeeId = audit.event().employeeId();
        String userName = audit.user().userName();
        parts.add((userName == null ? "?" : userName) + " (" + (employeeId == null ? "?" : employeeId) + ")");
        if (audit.scheduling().dueAt() != null) {
            parts.add(audit.event().detailType() + " " + audit.event().hrEventId() + " due " + audit.scheduling().dueAt());
        }
        if (!audit.scheduling().pendingCancelled().isEmpty()) {
            parts.add("pending cancelled: " + String.join(", ", audit.scheduling().pendingCancelled()));
        }
        Changes changes = audit.changes();
        if (!changes.membershipsBefore().isEmpty()) {
            parts.add("was in " + String.join(", ", changes.membershipsBefore()));
        }
        List<String> changed = changes.attributesChanged();
        if (!changed.isEmpty()) {
            parts.add(changed.size() <= SHOWN_ATTRIBUTES ? "changed " + String.join(", ", changed)
                    : "set " + changed.size() + " attributes (" + String.join(", ", changed.subList(0, SHOWN_ATTRIBUTES)) + ", ...)");
        }
        List<String> groups = new ArrayList<>();
        changes.groupsAdded().forEach(g -> groups.add("+" + g));
        changes.groupsRemoved().forEach(g -> groups.add("-" + g));
        if (!groups.isEmpty()) {
            parts.add("groups " + String.join(" ", groups));
        }
        if (changes.userDeleted()) {
            parts.add("user deleted");
        }
        if (audit.verdict().reason() != null) {
            parts.add("reason: " + audit.verdict().reason());
        }
        long calls = audit.cost().apiCalls().values().stream().mapToLong(Long::longValue).sum();
        parts.add(calls + " API call" + (calls == 1 ? "" : "s") + ", " + audit.cost().durationMs() + " ms");
        return String.join(" | ", parts);
    }
}
