package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.identitycenter.sdk.ExceptionTranslator;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.function.Supplier;

/** One SDK request whose failure reaches the functions as ExceptionTranslator names it, with the action it was. */
final class SdkCalls {

    private SdkCalls() {
    }

    static <T> T call(String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw ExceptionTranslator.translate(e, action);
        }
    }
}
