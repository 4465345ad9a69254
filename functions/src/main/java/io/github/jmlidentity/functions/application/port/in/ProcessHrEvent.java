package io.github.jmlidentity.functions.application.port.in;

/**
 * The use case every driver of the lifecycle runs (the Lambda handlers, `jml invoke`, `jml demo`, the benchmarks,
 * the scheduler applying due changes, and later a roster reconcile): process one HR event, from its envelope or
 * already parsed, and audit it. Whether it writes (dry run or not) and what time it is (the clock) are settings of the instance, chosen
 * when it is wired (see {@code LifecycleFunctions}).
 *
 * <p>Exactly one audit record is written for the event per call, whatever happens (plus one for each pending change
 * the event cancelled, replaced, or scheduled on its behalf); a failure a retry cannot change goes to the failure
 * queue when one is configured. An event effective later is SCHEDULED: kept until due, then applied through this
 * same port by {@link ScheduledChanges}.
 */
@FunctionalInterface
public interface ProcessHrEvent {

    HrEventResult process(HrEventRequest request);
}
