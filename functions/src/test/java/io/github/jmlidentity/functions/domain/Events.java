package io.github.jmlidentity.functions.domain;

import java.time.Instant;
import java.util.List;

/** HR events, employees and ledger entries for the domain's table-driven tests. */
final class Events {

    static final String EMPLOYEE = "E1001";
    static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    private Events() {
    }

    static Employee employee(String title, String department, String location) {
        return new Employee(EMPLOYEE, "jane.doe", "Jane", "Doe", null, "jane.doe@example.com", title, department,
                null, null, null, null, location, "Employee", null, null, null);
    }

    /** An event of {@code kind}, {@code hours} after {@link #T}. */
    static HrEvent event(EventKind kind, String hrEventId, long hours) {
        Employee employee = kind == EventKind.LEFT ? null : employee("Engineer", "Engineering", "London");
        return new HrEvent("evt-" + hrEventId, hrEventId, kind, EMPLOYEE, T.plusSeconds(hours * 3600), employee,
                "jane.doe", null);
    }

    /** The ledger after {@code last} was applied (and, for a leave, the employee left then). */
    static LedgerEntry after(HrEvent last, List<String> recentEventIds) {
        EmploymentStatus status = last.kind() == EventKind.LEFT ? EmploymentStatus.LEFT : EmploymentStatus.ACTIVE;
        return new LedgerEntry(EMPLOYEE, "u-1", status, last.hrEventId(), last.effectiveAt(),
                status == EmploymentStatus.LEFT ? last.effectiveAt() : null, recentEventIds, 3, null, null, last.kind(),
                null, List.of());
    }
}
