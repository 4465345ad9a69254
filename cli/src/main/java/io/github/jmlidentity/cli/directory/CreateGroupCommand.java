package io.github.jmlidentity.cli.directory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "create-group", aliases = "create_group",
        description = "Create a group.",
        footer = {"", "Example:", "  jml create-group --groupname AWS_Data_Science --description \"Data scientists\""})
final class CreateGroupCommand extends DirectoryCommand {
    @Option(names = "--groupname", required = true, description = "Display name, unique ignoring case.")
    String groupName;

    @Option(names = "--description", description = "What the group is for.")
    String description;

    @Override
    void run(Directory directory, ChangePrinter out) {
        String groupId = SdkErrors.create("group", groupName, directory, () -> directory.client().createGroup(r -> r
                .identityStoreId(directory.identityStoreId()).displayName(groupName).description(description)).groupId());
        out.change("created-group", null, new Named(groupName, groupId),
                "Group:" + groupName + " with GroupId:" + groupId + " created successfully");
        out.flushChanges();
    }
}
