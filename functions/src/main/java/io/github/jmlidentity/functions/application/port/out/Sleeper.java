package io.github.jmlidentity.functions.application.port.out;

import java.time.Duration;

/**
 * Lets time pass while the application waits for something asynchronous (an account-assignment deletion). Tests give
 * one that moves their clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: the calling thread sleeps. */
    static Sleeper threadSleep() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
