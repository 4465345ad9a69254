package io.github.jmlidentity.cli.directory;

import picocli.CommandLine.Option;

/** A command on one existing user, named by --username: a user that does not exist fails it before any change. */
abstract class UserCommand extends DirectoryCommand {
    @Option(names = "--username", required = true, description = "The user's name (ignoring case).")
    String userName;

    @Override
    final void run(Directory directory, ChangePrinter out) {
        run(directory, out, new Named(userName, directory.id(Directory.Resource.USER, userName)));
    }

    abstract void run(Directory directory, ChangePrinter out, Named user);
}
