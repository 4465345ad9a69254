package io.github.jmlidentity.cli.directory;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.identitystore.model.User;

@Command(name = "list-members", aliases = "list_members",
        description = "List every member of a group (all pages), sorted by user name.",
        footer = {"", "Example:", "  jml list-members --groupname AWS_Applied_Scientists --output csv"})
final class ListMembersCommand extends GroupCommand {
    @Override
    void run(Directory directory, ChangePrinter out, Named group) {
        List<String> userIds = directory.membersOf(group.id()).map(m -> m.memberId().userId()).toList();
        Map<String, User> users = Names.ofUsers(directory, userIds);
        out.sortedRows(List.of("userName", "displayName", "email", "userId"), userIds.stream().map(userId -> {
            User user = users.get(userId);
            if (user == null) {
                return List.of("", "", "", userId);
            }
            String email = !user.hasEmails() || user.emails().isEmpty() ? "" : user.emails().get(0).value();
            return List.of(user.userName(), user.displayName() == null ? "" : user.displayName(), email, userId);
        }).toList());
    }
}
