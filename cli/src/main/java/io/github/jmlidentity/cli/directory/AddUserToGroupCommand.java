package io.github.jmlidentity.cli.directory;

import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "add-user-to-group", aliases = "adduser_to_group",
        description = "Add an existing user to an existing group. Already a member: nothing changes, exit code 0.",
        footer = {"", "Example:", "  jml add-user-to-group --username johndoe --groupname AWS_Applied_Scientists"})
final class AddUserToGroupCommand extends MembershipCommand {
    @Override
    String action(Named user, Named group) {
        return "add user '" + user.name() + "' to group '" + group.name() + "'";
    }

    @Override
    void change(Directory directory, ChangePrinter out, Named user, Named group, Optional<String> membershipId) {
        if (membershipId.isPresent()) {
            out.change("already-member", user, group, "User:" + user.name() + " is already a member of Group:" + group.name());
        } else {
            Memberships.add(directory, user.id(), group.id(), action(user, group));
            out.change("added-to-group", user, group, "User:" + user.name() + " added to Group:" + group.name() + " successfully");
        }
    }
}
