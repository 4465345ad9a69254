package io.github.jmlidentity.cli.directory;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * A command on the membership of an existing user in an existing group (idempotent: it looks the membership up
 * first, so that adding a member or removing a non-member changes nothing and succeeds).
 */
abstract class MembershipCommand extends DirectoryCommand {
    @Option(names = "--username", required = true, description = "The user's name (ignoring case).")
    String userName;

    @Option(names = "--groupname", required = true, description = "The group's display name (ignoring case).")
    String groupName;

    @Override
    final void run(Directory directory, ChangePrinter out) {
        Named user = new Named(userName, directory.id(Directory.Resource.USER, userName));
        Named group = new Named(groupName, directory.id(Directory.Resource.GROUP, groupName));
        Optional<String> membershipId = Memberships.find(directory, user.id(), group.id(), action(user, group));
        change(directory, out, user, group, membershipId);
        out.flushChanges();
    }

    /** What the command does, for an error message: e.g. add user 'ann' to group 'Team'. */
    abstract String action(Named user, Named group);

    /** @param membershipId the user's membership of the group, when it has one */
    abstract void change(Directory directory, ChangePrinter out, Named user, Named group, Optional<String> membershipId);
}
