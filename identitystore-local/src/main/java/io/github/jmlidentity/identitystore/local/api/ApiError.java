package io.github.jmlidentity.identitystore.local.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the emulator answers with, shaped as the AWS JSON 1.1 protocol carries it: an HTTP status, the
 * exception type (as {@code __type} and {@code x-amzn-ErrorType}) and the exception's own members.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final Map<String, Object> members;

    private ApiError(int status, String type, String message, Map<String, Object> members) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.members = members;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** Exception members beside Message, e.g. Reason, ResourceType, RetryAfterSeconds. */
    public Map<String, Object> members() {
        return members;
    }

    public static ApiError validation(String message) {
        return new ApiError(400, "ValidationException", message, Map.of());
    }

    /** The message the real service gives for a constraint on one request member. */
    public static ApiError invalidMember(String member, String constraint) {
        return validation("1 validation error detected: Value at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /** The service's message names only the unique attribute: "Duplicate UserName", "Duplicate GroupDisplayName". */
    public static ApiError uniqueness(String message) {
        return new ApiError(400, "ConflictException", message, Map.of("Reason", "UNIQUENESS_CONSTRAINT_VIOLATION"));
    }

    public static ApiError concurrentModification(String message) {
        return new ApiError(400, "ConflictException", message, Map.of("Reason", "CONCURRENT_MODIFICATION"));
    }

    /** sso-admin's ConflictException carries only a message: an operation on the same resource is under way. */
    public static ApiError conflict(String message) {
        return new ApiError(400, "ConflictException", message, Map.of());
    }

    public static ApiError notFound(String resourceType, String resourceId) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("ResourceType", resourceType);
        if (resourceId != null) {
            members.put("ResourceId", resourceId);
        }
        // The service names the type only ("USER not found."); the id, when there is one, travels as ResourceId.
        return new ApiError(400, "ResourceNotFoundException", resourceType + " not found.", members);
    }

    /** sso-admin's ResourceNotFoundException carries only a message. */
    public static ApiError notFoundMessage(String message) {
        return new ApiError(400, "ResourceNotFoundException", message, Map.of());
    }

    public static ApiError throttling(int retryAfterSeconds) {
        return new ApiError(400, "ThrottlingException", "Rate exceeded", Map.of("RetryAfterSeconds", retryAfterSeconds));
    }

    public static ApiError internal(String message) {
        return new ApiError(500, "InternalServerException", message, Map.of());
    }

    public static ApiError unknownOperation(String target) {
        return new ApiError(400, "UnknownOperationException", "Unknown operation " + target, Map.of());
    }

    /** A request refused before it reaches an operation (Host, Content-Type, body size): status and type as given. */
    public static ApiError refused(int status, String type, String message) {
        return new ApiError(status, type, message, Map.of());
    }

    public static ApiError serialization(String message) {
        return new ApiError(400, "SerializationException", message, Map.of());
    }
}
