package io.github.jmlidentity.cli.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list-membership", aliases = "list_membership", mixinStandardHelpOptions = true,
        description = "List every group a user belongs to (all pages), sorted by group name.",
        footer = {"", "Example:", "  jml list-membership --username johndoe"})
final class ListMembershipCommand extends DirectoryCommand {
    @Option(names = "--username", required = true)
    String userName;

    @Override
    void run(Directory directory, ChangePrinter out) {
        String userId = directory.userId(userName);
        List<String> groupIds = directory.membershipsOf(userId).map(m -> m.groupId()).toList();
        Map<String, String> names = Names.ofGroups(directory, groupIds);
        List<List<String>> rows = new ArrayList<>();
        for (String groupId : groupIds) {
            rows.add(List.of(names.getOrDefault(groupId, ""), groupId));
        }
        rows.sort(Comparator.comparing((List<String> row) -> row.get(0).toLowerCase(java.util.Locale.ROOT)));
        out.rows(List.of("groupName", "groupId"), rows);
    }
}
