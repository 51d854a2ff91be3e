package io.gitops4j.loop;

import io.gitops4j.reconcile.Sleeper;
import io.gitops4j.window.SyncWindows;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * What every {@link ApplicationWorker} shares in one controller: time, the timer, how a health wait sleeps, the
 * thread pool that runs syncs, the listener, randomness for jitter, shared fetches, the history size, a way to
 * tell siblings of a new revision, the dependency graph, the sync windows, and whether this replica owns an
 * application (always, unless the controller is one replica of a fleet).
 */
record WorkerContext(Clock clock, Scheduler scheduler, Sleeper sleeper, Executor pool, ControllerListener listener,
                     Random random, SharedFetches fetches, int historySize,
                     RevisionNews news, Dependencies dependencies, Predicate<String> owns,
                     SyncWindows windows) {

    /** Tells the applications that read a repository that one of them saw a new revision there. */
    @FunctionalInterface
    interface RevisionNews {
        void newRevision(String fetchKey, String seenBy);
    }

    double nextRandom() {
        return random.nextDouble();
    }
}
