package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.cli.CliException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.identitystore.model.AccessDeniedException;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ThrottlingException;
import software.amazon.awssdk.services.identitystore.model.ValidationException;
import software.amazon.awssdk.services.ssoadmin.model.SsoAdminException;

/** Turns SDK failures into one line that says what was being done and why it failed. */
final class SdkErrors {
    private SdkErrors() {
    }

    static <T> T attempt(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConflictException conflict) {
            throw new CliException("Cannot " + action + ": it already exists (" + conflict.awsErrorDetails().errorMessage() + ")", conflict);
        } catch (ResourceNotFoundException missing) {
            throw new CliException("Cannot " + action + ": " + missing.resourceTypeAsString() + " not found"
                    + (missing.resourceId() == null ? "" : " (" + missing.resourceId() + ")"), missing);
        } catch (ValidationException invalid) {
            throw new CliException("Cannot " + action + ": the Identity Store rejected the request: "
                    + invalid.awsErrorDetails().errorMessage(), invalid);
        } catch (AccessDeniedException denied) {
            throw new CliException("Cannot " + action + ": access denied; the credentials need the identitystore "
                    + "permission for this operation", denied);
        } catch (ThrottlingException throttled) {
            throw new CliException("Cannot " + action + ": still throttled after retries (the Identity Store allows about "
                    + "20 requests/s per account); try again later", throttled);
        } catch (SsoAdminException ssoAdmin) {
            throw new CliException("Cannot " + action + ": " + ssoAdmin.awsErrorDetails().errorMessage(), ssoAdmin);
        } catch (SdkClientException unreachable) {
            throw new CliException("Cannot " + action + ": " + unreachable.getMessage(), unreachable);
        } catch (SdkException other) {
            throw new CliException("Cannot " + action + ": " + other.getMessage(), other);
        }
    }

    static void attempt(String action, Runnable call) {
        attempt(action, () -> {
            call.run();
            return null;
        });
    }
}
