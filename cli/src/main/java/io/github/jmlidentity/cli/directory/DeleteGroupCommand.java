package io.github.jmlidentity.cli.directory;

import picocli.CommandLine.Command;

@Command(name = "delete-group", aliases = "delete_group",
        description = "Delete a group; its memberships go with it (their count is printed).",
        footer = {"", "Example:", "  jml delete-group --groupname AWS_Data_Science"})
final class DeleteGroupCommand extends GroupCommand {
    @Override
    void run(Directory directory, ChangePrinter out, Named group) {
        long members = directory.membersOf(group.id()).count();
        SdkErrors.attempt("delete group '" + group.name() + "'", () -> directory.client().deleteGroup(r -> r
                .identityStoreId(directory.identityStoreId()).groupId(group.id())));
        out.change("deleted-group", null, group,
                "Group:" + group.name() + " deleted successfully (" + members + " memberships removed)");
        out.flushChanges();
    }
}
