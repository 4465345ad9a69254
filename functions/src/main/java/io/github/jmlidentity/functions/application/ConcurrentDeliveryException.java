package io.github.jmlidentity.functions.application;

/**
 * Another delivery for the same employee holds the ledger lease (or took it over): this one must not apply
 * concurrently, so it fails and Lambda retries it later, when it will most likely be a DUPLICATE or STALE.
 */
public final class ConcurrentDeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final String ERROR_TYPE = "CONCURRENT_DELIVERY";

    public ConcurrentDeliveryException(String message) {
        super(message);
    }
}
