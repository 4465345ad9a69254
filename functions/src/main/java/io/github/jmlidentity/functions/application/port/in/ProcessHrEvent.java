package io.github.jmlidentity.functions.application.port.in;

/**
 * The use case every driver of the lifecycle runs (the Lambda handlers, `jml invoke`, `jml demo`, the benchmarks,
 * and later a scheduler or a roster reconcile): process one HR event, from its envelope or already parsed, and
 * audit it. Whether it writes (dry run or not) and what time it is (the clock) are settings of the instance, chosen
 * when it is wired (see {@code LifecycleFunctions}).
 *
 * <p>Exactly one audit record is written per call, whatever happens; a failure a retry cannot change goes to the
 * failure queue when one is configured.
 */
@FunctionalInterface
public interface ProcessHrEvent {

    HrEventResult process(HrEventRequest request);
}
