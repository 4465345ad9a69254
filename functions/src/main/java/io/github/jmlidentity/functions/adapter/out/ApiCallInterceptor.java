package io.github.jmlidentity.functions.adapter.out;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every HTTP attempt (operation and AWS request id) into the invocation's scope, for the audit record. */
final class ApiCallInterceptor implements ExecutionInterceptor {

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        InvocationScope scope = InvocationScope.current();
        if (scope != null) {
            String requestId = context.httpResponse().firstMatchingHeader("x-amzn-RequestId")
                    .or(() -> context.httpResponse().firstMatchingHeader("x-amz-request-id"))
                    .orElse(null);
            scope.record(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), requestId);
        }
    }
}
