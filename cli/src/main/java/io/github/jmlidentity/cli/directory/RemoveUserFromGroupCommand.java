package io.github.jmlidentity.cli.directory;

import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "remove-user-from-group", aliases = "removeuser_from_group",
        description = "Remove a user from a group. Not a member: nothing changes, exit code 0.",
        footer = {"", "Example:", "  jml remove-user-from-group --username johndoe --groupname AWS_Data_Science"})
final class RemoveUserFromGroupCommand extends MembershipCommand {
    @Override
    String action(Named user, Named group) {
        return "remove user '" + user.name() + "' from group '" + group.name() + "'";
    }

    @Override
    void change(Directory directory, ChangePrinter out, Named user, Named group, Optional<String> membershipId) {
        membershipId.ifPresentOrElse(id -> {
            Memberships.remove(directory, id, action(user, group));
            out.change("removed-from-group", user, group, "User:" + user.name() + " removed from Group:" + group.name()
                    + " successfully");
        }, () -> out.change("not-a-member", user, group, "User:" + user.name() + " is not a member of Group:"
                + group.name() + ": nothing to remove"));
    }
}
