package io.github.jmlidentity.cli.directory;

import java.util.List;

/** The Identity Store commands, for the top-level command to register. */
public final class DirectoryCommands {
    private DirectoryCommands() {
    }

    public static List<Object> all() {
        return List.of(new CreateUserCommand(), new CreateGroupCommand(), new AddUserToGroupCommand(),
                new RemoveUserFromGroupCommand(), new UpdateUserCommand(), new DeleteUserCommand(),
                new DeleteGroupCommand(), new ListMembersCommand(), new ListMembershipCommand());
    }
}
