package io.github.jmlidentity.functions.domain.reconcile;

import java.time.Instant;
import java.util.List;

/**
 * A full HR snapshot: every employee HR knows of, each once (employeeIds and user names are unique; checked when it
 * is read), in file order.
 *
 * @param name    where it was read from (a file, an S3 object), for messages
 * @param takenAt when the snapshot was taken, as its source says (an S3 object's metadata or time); null when unknown
 */
public record Roster(String name, Instant takenAt, List<RosterEmployee> employees) {

    public Roster {
        employees = List.copyOf(employees);
    }
}
