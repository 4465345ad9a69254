package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.port.FailureQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The processing failure queue in SQS (FAILURE_QUEUE_URL); the SDK's exceptions reach the handler as they are. */
public final class SqsFailureQueue implements FailureQueue {

    private final SqsClient client;
    private final String queueUrl;

    public SqsFailureQueue(SqsClient client, String queueUrl) {
        this.client = client;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(String messageBody) {
        client.sendMessage(r -> r.queueUrl(queueUrl).messageBody(messageBody)
                .overrideConfiguration(InvocationScope.requestOverrides()));
    }
}
