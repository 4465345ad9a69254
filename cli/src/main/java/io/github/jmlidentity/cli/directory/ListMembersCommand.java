package io.github.jmlidentity.cli.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.identitystore.model.User;

@Command(name = "list-members", aliases = "list_members", mixinStandardHelpOptions = true,
        description = "List every member of a group (all pages), sorted by user name.",
        footer = {"", "Example:", "  jml list-members --groupname AWS_Applied_Scientists --output csv"})
final class ListMembersCommand extends DirectoryCommand {
    @Option(names = "--groupname", required = true)
    String groupName;

    @Override
    void run(Directory directory, ChangePrinter out) {
        String groupId = directory.groupId(groupName);
        List<String> userIds = directory.membersOf(groupId).map(m -> m.memberId().userId()).toList();
        Map<String, User> users = Names.ofUsers(directory, userIds);
        List<List<String>> rows = new ArrayList<>();
        for (String userId : userIds) {
            User user = users.get(userId);
            String email = user == null || !user.hasEmails() || user.emails().isEmpty() ? "" : user.emails().get(0).value();
            rows.add(List.of(user == null ? "" : user.userName(), user == null ? "" : nonNull(user.displayName()), email, userId));
        }
        rows.sort(Comparator.comparing((List<String> row) -> row.get(0).toLowerCase(java.util.Locale.ROOT)));
        out.rows(List.of("userName", "displayName", "email", "userId"), rows);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
