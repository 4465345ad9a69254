package io.github.jmlidentity.cli.directory;

/** A user or group as the command line names it, with the id the identity store resolved it to. */
record Named(String name, String id) {
}
