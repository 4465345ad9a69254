package io.github.jmlidentity.functions.port;

/** ResourceNotFoundException: the user, group, membership or identity store does not exist. */
public final class ResourceMissingException extends DirectoryFailure {
    private static final long serialVersionUID = 1L;
    private final String resourceType;

    public ResourceMissingException(String resourceType, String message, Throwable cause) {
        super("ResourceNotFoundException", message, false, cause);
        this.resourceType = resourceType;
    }

    /** USER, GROUP, GROUP_MEMBERSHIP or IDENTITY_STORE (null when the service did not say). */
    public String resourceType() {
        return resourceType;
    }
}
