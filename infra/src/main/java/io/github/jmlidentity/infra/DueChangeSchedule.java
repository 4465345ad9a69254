package io.github.jmlidentity.infra;

import java.util.List;

import io.github.jmlidentity.contract.EffectiveDatingFunction;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * What wakes the scheduler: one EventBridge schedule rule (on the account's default bus, not the HR bus) that invokes
 * the scheduler's alias every {@value EffectiveDatingFunction#SCHEDULE_RATE_MINUTES} minutes, so that a due change is
 * applied within that long of its due time. Not EventBridge Scheduler's one schedule per change: its SDK module does
 * not resolve at the project's SDK version, and one rule needs no per-change permissions or clean-up. Nothing else
 * routes to the scheduler, and the schedule routes to nothing else.
 */
public final class DueChangeSchedule extends Construct {

    public static final Duration RATE = Duration.minutes(EffectiveDatingFunction.SCHEDULE_RATE_MINUTES);

    /**
     * @param scheduler               the scheduler's alias
     * @param deliveryDeadLetterQueue where a tick EventBridge could not deliver goes (the next tick runs anyway)
     */
    public record Props(IFunction scheduler, IQueue deliveryDeadLetterQueue) {
    }

    private final Rule rule;

    public DueChangeSchedule(Construct scope, String id, Props props) {
        super(scope, id);
        this.rule = Rule.Builder.create(this, "Rule")
                .description("Every " + RATE.toMinutes() + " minutes: the jml-identity scheduler applies the changes"
                        + " that came due")
                .schedule(Schedule.rate(RATE))
                .targets(List.of(new LambdaFunction(props.scheduler(), LambdaFunctionProps.builder()
                        // A late tick is worth nothing once the next one has run.
                        .retryAttempts(2)
                        .maxEventAge(RATE)
                        .deadLetterQueue(props.deliveryDeadLetterQueue())
                        .build())))
                .build();
    }

    public Rule rule() {
        return rule;
    }
}
