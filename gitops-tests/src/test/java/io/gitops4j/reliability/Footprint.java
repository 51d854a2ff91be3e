package io.gitops4j.reliability;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** The threads and heap a probe leaves behind, measured against a baseline taken before it. */
final class Footprint {
    private Footprint() {
    }

    /** The thread count once it is back at the baseline, or after a bounded wait for it. */
    static int settledThreads(int baseline) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int count = Thread.activeCount();
        while (count > baseline && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            count = Thread.activeCount();
        }
        return count;
    }

    /** The heap in use after a full collection is requested. */
    static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
