package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.cli.CliException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.identitystore.model.Email;

@Command(name = "create-user", aliases = "create_user",
        description = {"Create a user and, optionally, add it to existing groups.",
                "Every group is looked up first: a missing group fails the command before anything is created."},
        footer = {"", "Example:", "  jml create-user --username johndoe --givenname John --familyname Doe \\",
                "      --email johndoe@example.com --groupname AWS_Data_Science"})
final class CreateUserCommand extends DirectoryCommand {
    @Option(names = "--username", required = true, description = "Sign-in name, unique ignoring case (1-128 characters).")
    String userName;

    @Option(names = "--givenname", required = true, description = "First name.")
    String givenName;

    @Option(names = "--familyname", required = true, description = "Last name.")
    String familyName;

    @Option(names = "--email", description = "Primary work email.")
    String email;

    @Option(names = "--displayname", description = "Display name (default: \"GIVENNAME FAMILYNAME\").")
    String displayName;

    @Option(names = "--groupname", paramLabel = "GROUP", description = "Group to add the user to; repeat for several.")
    List<String> groupNames = new ArrayList<>();

    @Override
    void run(Directory directory, ChangePrinter out) {
        Map<String, String> groupIds = new LinkedHashMap<>();
        for (String groupName : groupNames) {
            groupIds.put(groupName, directory.findId(Directory.Resource.GROUP, groupName).orElseThrow(() -> new CliException(
                    "Group '" + groupName + "' not found in identity store " + directory.identityStoreId()
                            + ": nothing was created")));
        }
        String userId = SdkErrors.create("user", userName, directory, () -> directory.client().createUser(r -> {
            r.identityStoreId(directory.identityStoreId()).userName(userName)
                    .displayName(displayName != null ? displayName : givenName + " " + familyName)
                    .name(n -> n.givenName(givenName).familyName(familyName));
            if (email != null) {
                r.emails(Email.builder().value(email).type("work").primary(true).build());
            }
        }).userId());
        Named user = new Named(userName, userId);
        out.change("created-user", user, null, "User:" + userName + " with UserId:" + userId + " created successfully");
        groupIds.forEach((groupName, groupId) -> {
            Memberships.add(directory, userId, groupId, "add user '" + userName + "' to group '" + groupName + "'");
            out.change("added-to-group", user, new Named(groupName, groupId),
                    "User:" + userName + " added to Group:" + groupName + " successfully");
        });
        out.flushChanges();
    }
}
