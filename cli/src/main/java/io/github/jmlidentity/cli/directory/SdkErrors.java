package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.cli.CliException;
import io.github.jmlidentity.identitycenter.DirectoryFailure;
import io.github.jmlidentity.identitycenter.ResourceMissingException;
import io.github.jmlidentity.identitycenter.sdk.ExceptionTranslator;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one SDK call for a command; a failure, translated by the project's one ExceptionTranslator, becomes one line
 * that says what was being done and why it failed (the {@link CliException}'s cause is the translated failure).
 */
public final class SdkErrors {
    private SdkErrors() {
    }

    public static <T> T attempt(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException failed) {
            DirectoryFailure failure = ExceptionTranslator.translate(failed, action);
            throw new CliException("Cannot " + action + ": " + why(failure), failure);
        }
    }

    public static void attempt(String action, Runnable call) {
        attempt(action, () -> {
            call.run();
            return null;
        });
    }

    /**
     * Runs a create call; a uniqueness conflict says the {@code what} ("user", "group") named {@code name} exists.
     */
    static <T> T create(String what, String name, Directory directory, Supplier<T> call) {
        try {
            return attempt("create " + what + " '" + name + "'", call);
        } catch (CliException failed) {
            if (failed.getCause() instanceof DirectoryFailure failure && failure.kind().isConflict()) {
                throw new CliException(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " '" + name
                        + "' already exists in identity store " + directory.identityStoreId() + " (" + what
                        + " names are unique, ignoring case)", failure);
            }
            throw failed;
        }
    }

    /** What went wrong, for a person: the service's words where they help, the fix where there is one. */
    static String why(DirectoryFailure failure) {
        return switch (failure.kind()) {
            case ALREADY_EXISTS, CONCURRENT_MODIFICATION -> "it already exists (" + failure.serviceMessage() + ")";
            case NOT_FOUND -> notFound((ResourceMissingException) failure);
            case INVALID_REQUEST -> "the Identity Store rejected the request: " + failure.serviceMessage();
            case ACCESS_DENIED -> "access denied; the credentials need the identitystore permission for this operation";
            case THROTTLED -> "still throttled after retries (the Identity Store allows about 20 requests/s per "
                    + "account); try again later";
            case OTHER_SERVICE -> failure.serviceMessage();
            default -> failure.getCause().getMessage();
        };
    }

    private static String notFound(ResourceMissingException missing) {
        ResourceMissingException.Resource resource = missing.resource();
        if (resource.type() == null) {
            return missing.serviceMessage(); // sso-admin names no resource type; its message does
        }
        return resource.type() + " not found" + (resource.id() == null ? "" : " (" + resource.id() + ")");
    }
}
