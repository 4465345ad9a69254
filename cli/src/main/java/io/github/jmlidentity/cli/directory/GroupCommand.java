package io.github.jmlidentity.cli.directory;

import picocli.CommandLine.Option;

/** A command on one existing group, named by --groupname: a group that does not exist fails it before any change. */
abstract class GroupCommand extends DirectoryCommand {
    @Option(names = "--groupname", required = true, description = "The group's display name (ignoring case).")
    String groupName;

    @Override
    final void run(Directory directory, ChangePrinter out) {
        run(directory, out, new Named(groupName, directory.id(Directory.Resource.GROUP, groupName)));
    }

    abstract void run(Directory directory, ChangePrinter out, Named group);
}
