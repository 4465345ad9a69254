package io.github.jmlidentity.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** A {@link CliException} is one line on stderr and exit code 1; anything else also shows its stack trace. */
public final class CliErrorHandler implements IExecutionExceptionHandler {
    public static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        if (failure instanceof CliException expected) {
            command.getErr().println("jml: " + expected.getMessage());
        } else {
            command.getErr().println("jml: unexpected error: " + failure);
            failure.printStackTrace(command.getErr());
        }
        command.getErr().flush();
        return FAILED;
    }
}
