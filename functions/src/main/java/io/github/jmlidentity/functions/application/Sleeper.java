package io.github.jmlidentity.functions.application;

import java.time.Duration;

/** How a delivery waits for another one's lease: the thread sleeps when deployed; tests move a clock instead. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
