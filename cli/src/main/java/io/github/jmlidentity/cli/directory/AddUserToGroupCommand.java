package io.github.jmlidentity.cli.directory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "add-user-to-group", aliases = "adduser_to_group", mixinStandardHelpOptions = true,
        description = "Add an existing user to an existing group. Already a member: nothing changes, exit code 0.",
        footer = {"", "Example:", "  jml add-user-to-group --username johndoe --groupname AWS_Applied_Scientists"})
final class AddUserToGroupCommand extends DirectoryCommand {
    @Option(names = "--username", required = true)
    String userName;

    @Option(names = "--groupname", required = true)
    String groupName;

    @Override
    void run(Directory directory, ChangePrinter out) {
        String userId = directory.userId(userName);
        String groupId = directory.groupId(groupName);
        String action = "add user '" + userName + "' to group '" + groupName + "'";
        if (Memberships.find(directory, userId, groupId, action).isPresent()) {
            out.change("already-member", userName, userId, groupName, groupId,
                    "User:" + userName + " is already a member of Group:" + groupName);
        } else {
            Memberships.add(directory, userId, groupId, action);
            out.change("added-to-group", userName, userId, groupName, groupId,
                    "User:" + userName + " added to Group:" + groupName + " successfully");
        }
        out.flushChanges();
    }
}
