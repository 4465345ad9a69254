package io.github.jmlidentity.cli.directory;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "delete-user", aliases = "delete_user", mixinStandardHelpOptions = true,
        description = {"Delete a user. Its group memberships go with it; they are printed first, for the record.",
                "Sessions already issued stay valid until their permission set's session duration ends."},
        footer = {"", "Example:", "  jml delete-user --username johndoe"})
final class DeleteUserCommand extends DirectoryCommand {
    @Option(names = "--username", required = true)
    String userName;

    @Override
    void run(Directory directory, ChangePrinter out) {
        String userId = directory.userId(userName);
        List<String> groupIds = directory.membershipsOf(userId).map(m -> m.groupId()).toList();
        Map<String, String> groupNames = Names.ofGroups(directory, groupIds);
        for (String groupId : groupIds) {
            out.change("membership-removed", userName, userId, groupNames.get(groupId), groupId,
                    "User:" + userName + " was a member of Group:" + groupNames.get(groupId));
        }
        SdkErrors.attempt("delete user '" + userName + "'", () -> directory.client().deleteUser(r -> r
                .identityStoreId(directory.identityStoreId()).userId(userId)));
        out.change("deleted-user", userName, userId, null, null,
                "User:" + userName + " deleted successfully (" + groupIds.size() + " group memberships removed)");
        out.flushChanges();
    }
}
