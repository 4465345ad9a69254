package io.github.jmlidentity.functions.application.port.out;

import io.github.jmlidentity.functions.domain.DirectoryUser;

import java.util.List;

/**
 * The outcome of a scan of every directory user for one employeeNumber: what a leaver does when neither the ledger
 * nor the event's user name finds the employee's user, so that "no user" is a proven answer.
 *
 * @param matches      the users with that employeeNumber
 * @param usersScanned how many users were read
 * @param pages        how many ListUsers pages (calls) it took
 */
public record UserScan(List<DirectoryUser> matches, long usersScanned, int pages) {

    public UserScan {
        matches = List.copyOf(matches);
    }
}
