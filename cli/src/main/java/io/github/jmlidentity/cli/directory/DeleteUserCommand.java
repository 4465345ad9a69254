package io.github.jmlidentity.cli.directory;

import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "delete-user", aliases = "delete_user",
        description = {"Delete a user. Its group memberships go with it; they are printed first, for the record.",
                "Sessions already issued stay valid until their permission set's session duration ends."},
        footer = {"", "Example:", "  jml delete-user --username johndoe"})
final class DeleteUserCommand extends UserCommand {
    @Override
    void run(Directory directory, ChangePrinter out, Named user) {
        Map<String, String> groups = Names.groupsOf(directory, user.id());
        groups.forEach((groupId, groupName) -> out.change("membership-removed", user, new Named(groupName, groupId),
                "User:" + user.name() + " was a member of Group:" + groupName));
        SdkErrors.attempt("delete user '" + user.name() + "'", () -> directory.client().deleteUser(r -> r
                .identityStoreId(directory.identityStoreId()).userId(user.id())));
        out.change("deleted-user", user, null,
                "User:" + user.name() + " deleted successfully (" + groups.size() + " group memberships removed)");
        out.flushChanges();
    }
}
