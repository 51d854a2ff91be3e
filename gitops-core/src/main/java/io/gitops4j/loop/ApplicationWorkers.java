package io.gitops4j.loop;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ApplicationWorker}s of one controller by application name: registering one (refusing a duplicate
 * name or a dependency cycle), finding one, fanning a new revision out to the applications of a repository, and
 * stopping them all. Thread-safe: a concurrent map, registration serialised on it.
 */
final class ApplicationWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationWorkers.class);

    private final ConcurrentSkipListMap<String, ApplicationWorker> byName = new ConcurrentSkipListMap<>();
    private final Dependencies dependencies = new Dependencies(byName);

    Dependencies dependencies() {
        return dependencies;
    }

    /** Registers a worker under its application's name; throws {@link IllegalArgumentException} as add says. */
    void register(ApplicationWorker worker) {
        Application application = worker.application();
        synchronized (byName) {
            if (byName.containsKey(application.name())) {
                throw new IllegalArgumentException("application '" + application.name()
                        + "' is already added; remove it first or choose another name");
            }
            String cycle = dependencies.cycleThrough(application);
            if (cycle != null) {
                throw new IllegalArgumentException("application '" + application.name()
                        + "' would close a dependency cycle: " + cycle + "; remove one of these dependsOn entries");
            }
            byName.put(application.name(), worker);
        }
    }

    /** Removes and stops a worker; returns whether there was one. */
    boolean remove(String name) {
        ApplicationWorker worker = byName.remove(name);
        if (worker != null) {
            worker.stop();
        }
        return worker != null;
    }

    /** Returns the worker of an application, or throws {@link IllegalArgumentException} naming the known ones. */
    ApplicationWorker get(String name) {
        ApplicationWorker worker = byName.get(name);
        if (worker == null) {
            throw new IllegalArgumentException("no application '" + name + "' in this controller; known: "
                    + byName.keySet());
        }
        return worker;
    }

    /** Returns every worker, sorted by application name. */
    List<ApplicationWorker> all() {
        return List.copyOf(byName.values());
    }

    /** Returns the workers whose source has this fetch key. */
    List<ApplicationWorker> readersOf(String fetchKey) {
        return byName.values().stream()
                .filter(worker -> worker.application().source().fetchKey().equals(fetchKey)).toList();
    }

    /** Tells whether a run of an application is under way; {@code false} for an unknown one. */
    boolean isRunning(String name) {
        ApplicationWorker worker = byName.get(name);
        return worker != null && worker.isRunning();
    }

    /** Returns the application names, sorted. */
    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    int size() {
        return byName.size();
    }

    /** Requests a run of every application on a repository except the one that saw its new revision. */
    void newRevision(String fetchKey, String seenBy) {
        for (ApplicationWorker worker : readersOf(fetchKey)) {
            if (!worker.application().name().equals(seenBy)) {
                worker.request(RunReason.NEW_REVISION);
            }
        }
    }

    /**
     * Stops every worker, lets runs in progress finish within the grace period, then interrupts them and waits one
     * more grace period.
     */
    void stopAll(Duration grace) throws InterruptedException {
        byName.values().forEach(ApplicationWorker::stop);
        if (!awaitIdle(System.nanoTime() + grace.toNanos())) {
            byName.values().forEach(ApplicationWorker::interrupt);
            if (!awaitIdle(System.nanoTime() + grace.toNanos())) {
                LOG.warn("runs still in progress after interrupting them; giving up waiting");
            }
        }
    }

    private boolean awaitIdle(long deadline) throws InterruptedException {
        for (ApplicationWorker worker : byName.values()) {
            if (!worker.awaitIdle(deadline)) {
                return false;
            }
        }
        return true;
    }
}
