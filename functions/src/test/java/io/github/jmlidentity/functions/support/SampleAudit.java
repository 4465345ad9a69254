package io.github.jmlidentity.functions.support;

import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.audit.Changes;
import io.github.jmlidentity.functions.application.audit.Cost;
import io.github.jmlidentity.functions.application.audit.Delivery;
import io.github.jmlidentity.functions.application.audit.EventIdentity;
import io.github.jmlidentity.functions.application.audit.Scheduling;
import io.github.jmlidentity.functions.application.audit.UserRef;
import io.github.jmlidentity.functions.application.audit.Verdict;
import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.functions.domain.Outcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Audit records with every field set, for the adapters that write them. */
public final class SampleAudit {

    public static final Instant TIME = Instant.parse("2026-03-01T10:00:00.123Z");

    private SampleAudit() {
    }

    /** A mover that changed attributes and groups, with a note. */
    public static AuditRecord applied() {
        return new AuditRecord(TIME, new EventIdentity("evt-1", "hr-evt-0002", "Employee Moved", "E1001", "jane.doe",
                Instant.parse("2026-03-01T09:00:00Z")), new UserRef("jane.doe", "u-1"), "d-1234567890", Outcome.APPLIED, false,
                new Changes(List.of("title"), List.of("jml-platform", "jml-on-call"), List.of("jml-engineering"), false,
                        List.of()),
                new Cost(Map.of("UpdateUser", 1L, "DescribeUser", 1L), List.of("r-1", "r-2"), 12),
                Verdict.NONE.withNote("employee E1001 was not in the directory: provisioned by the mover"),
                new Delivery(2, true, "0b1c2d3e-aaaa-bbbb-cccc-123456789012", true), List.of());
    }

    /** A leaver that removed one direct account assignment, then deleted the user. */
    public static AuditRecord leaver() {
        return new AuditRecord(TIME, new EventIdentity("evt-3", "hr-evt-0003", "Employee Left", "E1001", "jane.doe",
                Instant.parse("2026-03-01T09:00:00Z")), new UserRef("jane.doe", "u-1"), "d-1234567890", Outcome.APPLIED,
                false, new Changes(List.of(), List.of(), List.of("jml-all-staff"), true, List.of("jml-all-staff"),
                        List.of(new DirectAssignment("222222222222",
                                "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef"))),
                new Cost(Map.of("DeleteAccountAssignment", 1L), List.of(), 5), Verdict.NONE);
    }

    /** An invalid joiner: only what could safely be read from it. */
    public static AuditRecord rejected() {
        return new AuditRecord(TIME, new EventIdentity("evt-2", "hr-evt-0009", "Employee Joined", "E1002", null, null),
                UserRef.UNKNOWN, "d-1234567890", Outcome.REJECTED, false, Changes.none(), new Cost(Map.of(), List.of(), 3),
                Verdict.failed("INVALID_EVENT", "detail.userName: is required", false));
    }

    /** A leaver effective later, kept until due, replacing a pending one. */
    public static AuditRecord scheduled() {
        Instant due = Instant.parse("2026-03-31T17:00:00Z");
        return new AuditRecord(TIME, new EventIdentity("evt-3", "hr-evt-0010", "Employee Left", "E1001", "jane.doe", due),
                new UserRef("jane.doe", null), "d-1234567890", Outcome.SCHEDULED, false, Changes.none(),
                new Cost(Map.of(), List.of(), 4), Verdict.NONE.withNote("kept until due"),
                new Delivery(1, false, null, false), List.of(), new Scheduling(due, List.of("hr-evt-0008")));
    }
}
