package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.identitystore.model.ConflictException;

@Command(name = "create-group", aliases = "create_group", mixinStandardHelpOptions = true,
        description = "Create a group.",
        footer = {"", "Example:", "  jml create-group --groupname AWS_Data_Science --description \"Data scientists\""})
final class CreateGroupCommand extends DirectoryCommand {
    @Option(names = "--groupname", required = true, description = "Display name, unique ignoring case.")
    String groupName;

    @Option(names = "--description", description = "What the group is for.")
    String description;

    @Override
    void run(Directory directory, ChangePrinter out) {
        String groupId;
        try {
            groupId = SdkErrors.attempt("create group '" + groupName + "'", () -> directory.client().createGroup(r -> r
                    .identityStoreId(directory.identityStoreId()).displayName(groupName).description(description)).groupId());
        } catch (CliException failed) {
            if (failed.getCause() instanceof ConflictException) {
                throw new CliException("Group '" + groupName + "' already exists in identity store "
                        + directory.identityStoreId() + " (group names are unique, ignoring case)", failed.getCause());
            }
            throw failed;
        }
        out.change("created-group", null, null, groupName, groupId,
                "Group:" + groupName + " with GroupId:" + groupId + " created successfully");
        out.flushChanges();
    }
}
