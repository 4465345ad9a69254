package io.github.jmlidentity.identitycenter.sdk;

import io.github.jmlidentity.identitycenter.DirectoryFailure.Kind;
import io.github.jmlidentity.identitycenter.DirectoryFailure;
import io.github.jmlidentity.identitycenter.ResourceMissingException;
import io.github.jmlidentity.identitycenter.UniquenessConflictException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.identitystore.model.AccessDeniedException;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.ConflictExceptionReason;
import software.amazon.awssdk.services.identitystore.model.IdentitystoreException;
import software.amazon.awssdk.services.identitystore.model.InternalServerException;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.identitystore.model.ThrottlingException;
import software.amazon.awssdk.services.identitystore.model.ValidationException;

/**
 * The one place that turns SDK exceptions (after the SDK's own retries) into the project's {@link DirectoryFailure}s,
 * for the functions and the command line alike: Identity Store errors by their model type (conflict reason, resource
 * type), sso-admin's conflict and missing resource by theirs, every other error (of sso-admin, DynamoDB, SQS) by its
 * status; client-side failures (timeouts, network) are transient. Transient failures are worth a retry, permanent
 * ones are not.
 */
public final class ExceptionTranslator {

    private ExceptionTranslator() {
    }

    /** @param action what was being done, e.g. "CreateUser jane.doe": the failure's message starts with it */
    public static DirectoryFailure translate(SdkException e, String action) {
        String message = action + ": " + describe(e);
        String said = serviceMessage(e);
        if (e instanceof IdentitystoreException identityStore) {
            return identityStore(identityStore, message, said);
        }
        if (e instanceof software.amazon.awssdk.services.ssoadmin.model.ConflictException) {
            // sso-admin: a write on an assignment while another request on it is still in progress; the service's
            // advice is to retry with backoff.
            return new DirectoryFailure(Kind.CONCURRENT_MODIFICATION, "ConflictException", message, said, true, e);
        }
        if (e instanceof software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException) {
            // sso-admin names no resource type: the message says which (instance, permission set, assignment).
            return new ResourceMissingException(new ResourceMissingException.Resource(null, null), message, said, e);
        }
        if (e instanceof AwsServiceException service) {
            boolean transientFailure = service.isThrottlingException() || service.statusCode() >= 500;
            return new DirectoryFailure(Kind.OTHER_SERVICE, errorType(e), message, said, transientFailure, e);
        }
        if (e instanceof ApiCallTimeoutException) {
            return new DirectoryFailure(Kind.TIMED_OUT, "ApiCallTimeout",
                    message + " (the invocation's remaining time ran out)", said, true, e);
        }
        if (e instanceof SdkClientException) {
            // Network failures and timeouts: the request may not have reached the service; retrying is safe
            // because every write converges.
            return new DirectoryFailure(Kind.UNREACHABLE, "SdkClientException", message, said, true, e);
        }
        return new DirectoryFailure(Kind.UNKNOWN, e.getClass().getSimpleName(), message, said, false, e);
    }

    /** Retried by the SDK itself besides its defaults (throttling, 5xx): another writer changed the resource. */
    public static boolean isConcurrentModification(Throwable t) {
        return t instanceof ConflictException conflict
                && conflict.reason() == ConflictExceptionReason.CONCURRENT_MODIFICATION;
    }

    private static DirectoryFailure identityStore(IdentitystoreException e, String message, String said) {
        if (e instanceof ConflictException) {
            return isConcurrentModification(e)
                    ? new DirectoryFailure(Kind.CONCURRENT_MODIFICATION, "ConflictException", message, said, true, e)
                    : new UniquenessConflictException(message, said, e);
        }
        if (e instanceof ResourceNotFoundException missing) {
            return new ResourceMissingException(new ResourceMissingException.Resource(missing.resourceTypeAsString(),
                    missing.resourceId()), message, said, e);
        }
        Kind kind;
        boolean transientFailure = false;
        if (e instanceof ThrottlingException) {
            kind = Kind.THROTTLED;
            transientFailure = true;
        } else if (e instanceof InternalServerException) {
            kind = Kind.SERVICE_ERROR;
            transientFailure = true;
        } else if (e instanceof ValidationException) {
            kind = Kind.INVALID_REQUEST;
        } else if (e instanceof AccessDeniedException) {
            kind = Kind.ACCESS_DENIED;
        } else if (e instanceof ServiceQuotaExceededException) {
            kind = Kind.QUOTA_EXCEEDED;
        } else {
            kind = Kind.SERVICE_ERROR;
            transientFailure = e.isThrottlingException() || e.statusCode() >= 500;
        }
        return new DirectoryFailure(kind, errorType(e), message, said, transientFailure, e);
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

    private static String serviceMessage(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
