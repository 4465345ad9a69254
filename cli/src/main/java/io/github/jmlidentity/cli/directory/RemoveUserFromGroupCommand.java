package io.github.jmlidentity.cli.directory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "remove-user-from-group", aliases = "removeuser_from_group", mixinStandardHelpOptions = true,
        description = "Remove a user from a group. Not a member: nothing changes, exit code 0.",
        footer = {"", "Example:", "  jml remove-user-from-group --username johndoe --groupname AWS_Data_Science"})
final class RemoveUserFromGroupCommand extends DirectoryCommand {
    @Option(names = "--username", required = true)
    String userName;

    @Option(names = "--groupname", required = true)
    String groupName;

    @Override
    void run(Directory directory, ChangePrinter out) {
        String userId = directory.userId(userName);
        String groupId = directory.groupId(groupName);
        String action = "remove user '" + userName + "' from group '" + groupName + "'";
        Memberships.find(directory, userId, groupId, action).ifPresentOrElse(membershipId -> {
            Memberships.remove(directory, membershipId, action);
            out.change("removed-from-group", userName, userId, groupName, groupId,
                    "User:" + userName + " removed from Group:" + groupName + " successfully");
        }, () -> out.change("not-a-member", userName, userId, groupName, groupId,
                "User:" + userName + " is not a member of Group:" + groupName + ": nothing to remove"));
        out.flushChanges();
    }
}
