package io.github.jmlidentity.cli.directory;

import java.util.List;

/** The Identity Store commands, for the top-level command to register. */
public final class DirectoryCommands {
    private DirectoryCommands() {
    }

    /** Their classes: picocli builds a command's model only when the command line needs it. */
    public static List<Class<?>> all() {
        return List.of(CreateUserCommand.class, CreateGroupCommand.class, AddUserToGroupCommand.class,
                RemoveUserFromGroupCommand.class, UpdateUserCommand.class, DeleteUserCommand.class,
                DeleteGroupCommand.class, ListMembersCommand.class, ListMembershipCommand.class);
    }
}
