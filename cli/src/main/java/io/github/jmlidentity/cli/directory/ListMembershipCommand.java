package io.github.jmlidentity.cli.directory;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "list-membership", aliases = "list_membership",
        description = "List every group a user belongs to (all pages), sorted by group name.",
        footer = {"", "Example:", "  jml list-membership --username johndoe"})
final class ListMembershipCommand extends UserCommand {
    @Override
    void run(Directory directory, ChangePrinter out, Named user) {
        List<String> groupIds = directory.membershipsOf(user.id()).map(m -> m.groupId()).toList();
        Map<String, String> names = Names.ofGroups(directory, groupIds);
        out.sortedRows(List.of("groupName", "groupId"),
                groupIds.stream().map(groupId -> List.of(names.getOrDefault(groupId, ""), groupId)).toList());
    }
}
