package io.github.jmlidentity.identitystore.local.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One API operation: a request body in, a response body out, or an {@link ApiError}. */
@FunctionalInterface
public interface Operation {
    ObjectNode handle(Request request);
}
