package io.github.jmlidentity.identitycenter;

/** ResourceNotFoundException: the user, group, membership or identity store does not exist. */
public final class ResourceMissingException extends DirectoryFailure {
    private static final long serialVersionUID = 1L;

    /**
     * @param type USER, GROUP, GROUP_MEMBERSHIP or IDENTITY_STORE (null when the service did not say)
     * @param id   the id that was not found (null when the service did not say)
     */
    public record Resource(String type, String id) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final Resource resource;

    public ResourceMissingException(Resource resource, String message, String serviceMessage, Throwable cause) {
        super(Kind.NOT_FOUND, "ResourceNotFoundException", message, serviceMessage, false, cause);
        this.resource = resource;
    }

    /** What was not found. */
    public Resource resource() {
        return resource;
    }
}
