package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.adapter.json.PermanentFailureMessage;
import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.port.out.FailureQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The processing failure queue in SQS (FAILURE_QUEUE_URL): one {@link PermanentFailureMessage} per event. The SDK's
 * exceptions reach the caller as they are.
 */
public record SqsFailureQueue(SqsClient client, String queueUrl) implements FailureQueue {

    @Override
    public void send(AuditRecord failure, byte[] envelope) {
        String body = PermanentFailureMessage.toJson(envelope, failure);
        client.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body)
                .overrideConfiguration(InvocationScope.requestOverrides()));
    }
}
