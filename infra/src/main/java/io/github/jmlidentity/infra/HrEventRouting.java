package io.github.jmlidentity.infra;

import java.util.Map;
import java.util.List;
import java.util.Optional;

import io.github.jmlidentity.contract.EffectiveDatingFunction;
import io.github.jmlidentity.contract.LifecycleStage;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.Archive;
import software.amazon.awscdk.services.events.BaseArchiveProps;
import software.amazon.awscdk.services.events.CfnEventBus;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The HR system's way in: a custom event bus only the HR principal may put HR events on, an archive for
 * replay after an incident, and one rule per detail-type targeting that stage's function alias, plus one for
 * HR's cancellations of pending changes, targeting the canceller.
 */
public final class HrEventRouting extends Construct {

    /**
     * EventBridge keeps retrying delivery to a function for up to a day (the service maximum), then
     * sends the event to the delivery dead-letter queue.
     */
    public static final int TARGET_RETRY_ATTEMPTS = 185;
    public static final Duration TARGET_MAX_EVENT_AGE = Duration.hours(24);

    /**
     * @param busName                 custom event bus name
     * @param hrSource                the only {@code source} routed (and allowed to be put)
     * @param hrPrincipal             account id or principal ARN allowed to put events; empty = this account
     * @param archiveRetention        how long the archive keeps HR events
     * @param targets                 the function alias each stage's events go to
     * @param canceller               the function alias "Employee Change Cancelled" events go to
     * @param deliveryDeadLetterQueue where events EventBridge could not deliver go
     */
    public record Props(
            String busName,
            String hrSource,
            Optional<String> hrPrincipal,
            Duration archiveRetention,
            Map<LifecycleStage, IFunction> targets,
            IFunction canceller,
            IQueue deliveryDeadLetterQueue) {
    }

    /** Every detail-type the HR system may put: the three stages' and the cancellation of a pending change. */
    public static List<String> hrDetailTypes() {
        List<String> detailTypes = new java.util.ArrayList<>(
                List.of(LifecycleStage.values()).stream().map(LifecycleStage::detailType).toList());
        detailTypes.add(EffectiveDatingFunction.CHANGE_CANCELLED);
        return List.copyOf(detailTypes);
    }

    private final EventBus bus;
    private final Archive archive;

    public HrEventRouting(Construct scope, String id, Props props) {
        super(scope, id);
        this.bus = EventBus.Builder.create(this, "Bus")
                .eventBusName(props.busName())
                .description("HR joiner/mover/leaver events for jml-identity")
                .build();

        List<String> detailTypes = hrDetailTypes();
        // Who may put events, and that nobody else may (HrPublisherPolicy); what they may put is limited to HR
        // lifecycle events and cancellations of pending changes.
        String busArn = Stack.of(this).formatArn(ArnComponents.builder()
                .service("events").resource("event-bus").resourceName(props.busName()).build());
        ((CfnEventBus) bus.getNode().getDefaultChild()).setPolicy(
                HrPublisherPolicy.document(props.hrPrincipal(), busArn, props.hrSource(), detailTypes));
        if (!HrPublisherPolicy.namesOneIdentity(props.hrPrincipal())) {
            Annotations.of(bus).addInfo("hrPrincipal names an account: every principal of it whose identity policy"
                    + " allows events:PutEvents may put HR events on " + props.busName() + ". Pass the HR publisher's"
                    + " role ARN (-c hrPrincipal=arn:aws:iam::<account>:role/<name>) so that only it can.");
        }

        this.archive = bus.archive("Archive", BaseArchiveProps.builder()
                .description("Every HR event on the bus, for replay after an incident")
                .eventPattern(EventPattern.builder().source(List.of(props.hrSource())).build())
                .retention(props.archiveRetention())
                .build());
        // The record of what HR sent: it outlives the stack, like the ledger and the audit logs.
        archive.applyRemovalPolicy(RemovalPolicy.RETAIN);

        for (LifecycleStage stage : LifecycleStage.values()) {
            IFunction target = props.targets().get(stage);
            if (target == null) {
                throw new IllegalArgumentException("no function for " + stage);
            }
            rule(props, LifecycleFunction.title(stage) + "Rule", stage.detailType(),
                    stage.functionName(), target);
        }
        EffectiveDatingFunction canceller = EffectiveDatingFunction.CANCELLER;
        rule(props, FunctionSpec.of(canceller).title() + "Rule",
                EffectiveDatingFunction.CHANGE_CANCELLED, canceller.functionName(), props.canceller());
    }

    private Rule rule(Props props, String id, String detailType, String functionName, IFunction target) {
        return Rule.Builder.create(this, id)
                .eventBus(bus)
                .description("'" + detailType + "' from " + props.hrSource() + " to the " + functionName + " function")
                .eventPattern(pattern(props.hrSource(), detailType))
                .targets(List.of(new LambdaFunction(target, LambdaFunctionProps.builder()
                        .retryAttempts(TARGET_RETRY_ATTEMPTS)
                        .maxEventAge(TARGET_MAX_EVENT_AGE)
                        .deadLetterQueue(props.deliveryDeadLetterQueue())
                        .build())))
                .build();
    }

    /** Exactly one HR source and one detail-type: anything else on the bus routes nowhere. */
    static EventPattern pattern(String hrSource, String detailType) {
        return EventPattern.builder()
                .source(List.of(hrSource))
                .detailType(List.of(detailType))
                .build();
    }

    public IEventBus bus() {
        return bus;
    }

    public Archive archive() {
        return archive;
    }
}
