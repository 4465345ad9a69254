package io.github.jmlidentity.cli.directory;

import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "list-membership", aliases = "list_membership",
        description = "List every group a user belongs to (all pages), sorted by group name.",
        footer = {"", "Example:", "  jml list-membership --username johndoe"})
final class ListMembershipCommand extends UserCommand {
    @Override
    void run(Directory directory, ChangePrinter out, Named user) {
        out.sortedRows(List.of("groupName", "groupId"), Names.groupsOf(directory, user.id()).entrySet().stream()
                .map(group -> List.of(group.getValue() == null ? "" : group.getValue(), group.getKey())).toList());
    }
}
