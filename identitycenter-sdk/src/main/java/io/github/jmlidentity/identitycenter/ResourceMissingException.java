package io.github.jmlidentity.identitycenter;

/** ResourceNotFoundException: the user, group, membership or identity store does not exist. */
public final class ResourceMissingException extends DirectoryFailure {
    private static final long serialVersionUID = 1L;
    private final String resourceType;
    private final String resourceId;

    public ResourceMissingException(String resourceType, String resourceId, String message, String serviceMessage,
                                    Throwable cause) {
        super(Kind.NOT_FOUND, "ResourceNotFoundException", message, serviceMessage, false, cause);
        this.resourceType = resourceType;
        this.resourceId = resourceId;
    }

    /** USER, GROUP, GROUP_MEMBERSHIP or IDENTITY_STORE (null when the service did not say). */
    public String resourceType() {
        return resourceType;
    }

    /** The id that was not found, when the service said. */
    public String resourceId() {
        return resourceId;
    }
}
