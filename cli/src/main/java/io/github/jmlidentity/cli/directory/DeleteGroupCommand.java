package io.github.jmlidentity.cli.directory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "delete-group", aliases = "delete_group", mixinStandardHelpOptions = true,
        description = "Delete a group; its memberships go with it (their count is printed).",
        footer = {"", "Example:", "  jml delete-group --groupname AWS_Data_Science"})
final class DeleteGroupCommand extends DirectoryCommand {
    @Option(names = "--groupname", required = true)
    String groupName;

    @Override
    void run(Directory directory, ChangePrinter out) {
        String groupId = directory.groupId(groupName);
        long members = directory.membersOf(groupId).count();
        SdkErrors.attempt("delete group '" + groupName + "'", () -> directory.client().deleteGroup(r -> r
                .identityStoreId(directory.identityStoreId()).groupId(groupId)));
        out.change("deleted-group", null, null, groupName, groupId,
                "Group:" + groupName + " deleted successfully (" + members + " memberships removed)");
        out.flushChanges();
    }
}
