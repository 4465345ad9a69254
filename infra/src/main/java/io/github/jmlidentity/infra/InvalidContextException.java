package io.github.jmlidentity.infra;

/**
 * A CDK context value that cannot be deployed. The message always names the context key, the value
 * that was given and what a valid value looks like, so `cdk synth` output is enough to fix it.
 */
public final class InvalidContextException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    InvalidContextException(String key, String problem) {
        super("context key '" + key + "': " + problem);
        this.key = key;
    }

    /** The context key whose value was rejected, e.g. {@code identityStoreId}. */
    public String key() {
        return key;
    }
}
