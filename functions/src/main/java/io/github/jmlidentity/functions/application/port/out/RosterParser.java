package io.github.jmlidentity.functions.application.port.out;

import io.github.jmlidentity.functions.domain.reconcile.InvalidRosterException;
import io.github.jmlidentity.functions.domain.reconcile.Roster;

/**
 * Turns a roster document (CSV with a header, or JSON Lines of the event detail shape) into validated rows: each row
 * by the schema of the event it stands for, duplicates refused.
 */
@FunctionalInterface
public interface RosterParser {

    /** @throws InvalidRosterException naming the line and field of every problem */
    Roster parse(RosterSource.Document document);
}
