package io.github.jmlidentity.infra;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.jmlidentity.contract.EffectiveDatingFunction;
import io.github.jmlidentity.contract.LifecycleStage;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Archive;
import software.amazon.awscdk.services.events.BaseArchiveProps;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
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
    private final Map<LifecycleStage, Rule> rules = new EnumMap<>(LifecycleStage.class);
    private final Rule cancellerRule;

    public HrEventRouting(Construct scope, String id, Props props) {
        super(scope, id);
        this.bus = EventBus.Builder.create(this, "Bus")
                .eventBusName(props.busName())
                .description("HR joiner/mover/leaver events for jml-identity")
                .build();

        List<String> detailTypes = hrDetailTypes();
        // Who may put events is decided here; what they may put is limited to HR lifecycle events.
        bus.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("HrSystemPutsHrLifecycleEvents")
                .effect(Effect.ALLOW)
                .principals(List.of(principal(props.hrPrincipal())))
                .actions(List.of("events:PutEvents"))
                .resources(List.of(bus.getEventBusArn()))
                .conditions(Map.of("ForAllValues:StringEquals", Map.of(
                        "events:source", List.of(props.hrSource()),
                        "events:detail-type", detailTypes)))
                .build());

        this.archive = bus.archive("Archive", BaseArchiveProps.builder()
                .description("Every HR event on the bus, for replay after an incident")
                .eventPattern(EventPattern.builder().source(List.of(props.hrSource())).build())
                .retention(props.archiveRetention())
                .build());

        for (LifecycleStage stage : LifecycleStage.values()) {
            IFunction target = props.targets().get(stage);
            if (target == null) {
                throw new IllegalArgumentException("no function for " + stage);
            }
            rules.put(stage, rule(props, LifecycleFunction.title(stage) + "Rule", stage.detailType(),
                    stage.functionName(), target));
        }
        EffectiveDatingFunction canceller = EffectiveDatingFunction.CANCELLER;
        this.cancellerRule = rule(props, FunctionSpec.of(canceller).title() + "Rule",
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

    private static IPrincipal principal(Optional<String> hrPrincipal) {
        return hrPrincipal
                .<IPrincipal>map(p -> p.startsWith("arn:") ? new ArnPrincipal(p) : new AccountPrincipal(p))
                .orElseGet(AccountRootPrincipal::new);
    }

    public IEventBus bus() {
        return bus;
    }

    public Archive archive() {
        return archive;
    }

    public Rule rule(LifecycleStage stage) {
        return rules.get(stage);
    }

    public Rule cancellerRule() {
        return cancellerRule;
    }
}
