package io.gitops4j.testkit.k8s;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** A bounded wait on a condition, for state the server changes asynchronously (namespace cleanup). */
final class Await {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private Await() {
    }

    /** Whether the condition became true within the bound, checking every 20 ms. */
    static boolean until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return condition.getAsBoolean();
    }
}
