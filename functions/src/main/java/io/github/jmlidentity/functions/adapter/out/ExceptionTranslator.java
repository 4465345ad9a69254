package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.port.DirectoryFailure;
import io.github.jmlidentity.functions.port.ResourceMissingException;
import io.github.jmlidentity.functions.port.UniquenessConflictException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.identitystore.model.AccessDeniedException;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.ConflictExceptionReason;
import software.amazon.awssdk.services.identitystore.model.InternalServerException;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.identitystore.model.ThrottlingException;
import software.amazon.awssdk.services.identitystore.model.ValidationException;

/**
 * The one place that turns SDK exceptions (after the SDK's own retries) into the project's error classes:
 * transient ones are worth a Lambda retry, permanent ones are not.
 */
public final class ExceptionTranslator {

    private ExceptionTranslator() {
    }

    public static DirectoryFailure translate(SdkException e, String action) {
        String message = action + ": " + describe(e);
        if (e instanceof ConflictException conflict) {
            if (conflict.reason() == ConflictExceptionReason.CONCURRENT_MODIFICATION) {
                return new DirectoryFailure("ConflictException", message, true, e);
            }
            return new UniquenessConflictException(message, e);
        }
        if (e instanceof ResourceNotFoundException missing) {
            return new ResourceMissingException(missing.resourceTypeAsString(), message, e);
        }
        if (e instanceof ThrottlingException || e instanceof InternalServerException) {
            return new DirectoryFailure(errorType(e), message, true, e);
        }
        if (e instanceof ValidationException || e instanceof AccessDeniedException
                || e instanceof ServiceQuotaExceededException) {
            return new DirectoryFailure(errorType(e), message, false, e);
        }
        if (e instanceof AwsServiceException service) {
            boolean transientFailure = service.isThrottlingException() || service.statusCode() >= 500;
            return new DirectoryFailure(errorType(e), message, transientFailure, e);
        }
        if (e instanceof ApiCallTimeoutException) {
            return new DirectoryFailure("ApiCallTimeout", message + " (the invocation's remaining time ran out)", true, e);
        }
        if (e instanceof SdkClientException) {
            // Network failures and timeouts: the request may not have reached the service; retrying is safe
            // because every write converges.
            return new DirectoryFailure("SdkClientException", message, true, e);
        }
        return new DirectoryFailure(e.getClass().getSimpleName(), message, false, e);
    }

    /** Retried by the SDK itself besides its defaults (throttling, 5xx): another writer changed the resource. */
    public static boolean isConcurrentModification(Throwable t) {
        return t instanceof ConflictException conflict
                && conflict.reason() == ConflictExceptionReason.CONCURRENT_MODIFICATION;
    }

    private static String errorType(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    private static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return errorType(e) + ": " + service.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
