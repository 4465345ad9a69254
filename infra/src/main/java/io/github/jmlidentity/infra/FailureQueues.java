package io.github.jmlidentity.infra;

import java.util.List;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;

/**
 * Where events go when they cannot be processed, so that nothing is lost:
 * <ul>
 * <li>{@link #deliveryDeadLetterQueue()}: events EventBridge could not deliver to a function (e.g. the
 * function or alias was missing or invocation was denied), after the rule target's retries;</li>
 * <li>{@link #processingFailureQueue()}: events a function failed on after Lambda's asynchronous retries,
 * with the error type and message (Lambda on-failure destination record).</li>
 * </ul>
 * Both keep messages for the SQS maximum of 14 days; an alarm fires on the first message (see
 * {@link OperationsAlarms}) and the README explains how to redrive. Both are retained when the stack is deleted:
 * events waiting for redrive are not lost with it.
 */
public final class FailureQueues extends Construct {

    /** @param retention how long undelivered/failed events wait for redrive (SQS maximum is 14 days) */
    public record Props(Duration retention) {
        public static Props defaults() {
            return new Props(Duration.days(14));
        }
    }

    private final Queue deliveryDeadLetterQueue;
    private final Queue processingFailureQueue;

    public FailureQueues(Construct scope, String id, Props props) {
        super(scope, id);
        this.deliveryDeadLetterQueue = queue("DeliveryDeadLetterQueue", props);
        this.processingFailureQueue = queue("ProcessingFailureQueue", props);
    }

    private Queue queue(String id, Props props) {
        Queue queue = Queue.Builder.create(this, id)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(props.retention())
                // Events waiting for redrive must not go with a stack deletion or replacement.
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        NagSuppressions.addResourceSuppressions(queue, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-SQS3")
                .reason("This queue is itself the dead-letter/failure queue of last resort; its messages are"
                        + " redriven by an operator (README, Deploy > Redrive), so it needs no further DLQ.")
                .build()));
        return queue;
    }

    public IQueue deliveryDeadLetterQueue() {
        return deliveryDeadLetterQueue;
    }

    public IQueue processingFailureQueue() {
        return processingFailureQueue;
    }

    /** Both queues, for alarms and outputs. */
    public List<IQueue> all() {
        return List.of(deliveryDeadLetterQueue, processingFailureQueue);
    }
}
