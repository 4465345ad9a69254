package io.github.jmlidentity.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A {@link CliException} is one line on stderr and exit code 1, a {@link BadSettingException} one line and exit code
 * 2 (as picocli's own usage errors); anything else also shows its stack trace.
 */
public final class CliErrorHandler implements IExecutionExceptionHandler {
    public static final int FAILED = 1;
    public static final int BAD_SETTING = 2;

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        int exitCode = FAILED;
        if (failure instanceof BadSettingException badSetting) {
            command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + badSetting.getMessage());
            exitCode = BAD_SETTING;
        } else if (failure instanceof CliException expected) {
            command.getErr().println("jml: " + expected.getMessage());
        } else {
            command.getErr().println("jml: unexpected error: " + failure);
            failure.printStackTrace(command.getErr());
        }
        command.getErr().flush();
        return exitCode;
    }
}
