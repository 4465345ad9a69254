package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.cli.CliException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;

@Command(name = "update-user", aliases = "update_user",
        description = {"Change attributes of a user in one UpdateUser call.",
                "--set and --unset take any UpdateUser attribute path, e.g. title, nickName, "
                        + "aws:identitystore:enterprise.department."},
        footer = {"", "Examples:", "  jml update-user --username johndoe --displayname \"John Q. Doe\" --set title=Manager",
                "  jml update-user --username johndoe --unset title"})
final class UpdateUserCommand extends DirectoryCommand {
    @Option(names = "--username", required = true, description = "The user to change.")
    String userName;

    @Option(names = "--new-username", description = "Rename the user.")
    String newUserName;

    @Option(names = "--displayname")
    String displayName;

    @Option(names = "--givenname")
    String givenName;

    @Option(names = "--familyname")
    String familyName;

    @Option(names = "--email", description = "Replaces the primary work email.")
    String email;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Set an attribute; repeat for several.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--unset", paramLabel = "PATH", description = "Remove an attribute; repeat for several.")
    List<String> unset = new ArrayList<>();

    @Override
    void run(Directory directory, ChangePrinter out) {
        List<AttributeOperation> operations = operations();
        if (operations.isEmpty()) {
            throw new CliException("Nothing to change: give at least one of --new-username, --displayname, --givenname, "
                    + "--familyname, --email, --set, --unset");
        }
        String userId = directory.id(Directory.Resource.USER, userName);
        SdkErrors.attempt("update user '" + userName + "'", () -> directory.client().updateUser(r -> r
                .identityStoreId(directory.identityStoreId()).userId(userId).operations(operations)));
        List<String> paths = operations.stream().map(AttributeOperation::attributePath).toList();
        out.change("updated-user", new Named(newUserName != null ? newUserName : userName, userId), null,
                "User:" + userName + " updated: " + String.join(", ", paths));
        out.flushChanges();
    }

    private List<AttributeOperation> operations() {
        List<AttributeOperation> operations = new ArrayList<>();
        add(operations, "userName", newUserName);
        add(operations, "displayName", displayName);
        add(operations, "name.givenName", givenName);
        add(operations, "name.familyName", familyName);
        if (email != null) {
            operations.add(AttributeOperation.builder().attributePath("emails").attributeValue(Document.fromList(List.of(
                    Document.fromMap(Map.of("value", Document.fromString(email), "type", Document.fromString("work"),
                            "primary", Document.fromBoolean(true)))))).build());
        }
        set.forEach((path, value) -> add(operations, path, value));
        unset.forEach(path -> operations.add(AttributeOperation.builder().attributePath(path).build()));
        return operations;
    }

    private static void add(List<AttributeOperation> operations, String path, String value) {
        if (value != null) {
            operations.add(AttributeOperation.builder().attributePath(path).attributeValue(Document.fromString(value)).build());
        }
    }
}
