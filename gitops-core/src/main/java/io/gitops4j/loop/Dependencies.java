package io.gitops4j.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency graph of one controller's applications ({@link Application#dependsOn()}): whether an application
 * must wait for a dependency, waking dependants when a dependency becomes ready, and finding a cycle before an
 * application is registered. Thread-safe: it reads the controller's concurrent map and each worker's own state.
 */
final class Dependencies {
    private final Map<String, ApplicationWorker> apps;

    Dependencies(Map<String, ApplicationWorker> apps) {
        this.apps = apps;
    }

    /** A dependency that is not ready, and why. */
    record Wait(String dependency, String why) {
        String message() {
            return "waiting for dependency " + dependency + " (" + why + ")";
        }
    }

    /** Returns the first dependency (by name) of an application that is not ready, or {@code null} when all are. */
    Wait waitingFor(Application app) {
        for (String dependency : app.dependsOn()) {
            ApplicationWorker worker = apps.get(dependency);
            String why = worker == null ? "not added to this controller" : worker.notReadyReason();
            if (why != null) {
                return new Wait(dependency, why);
            }
        }
        return null;
    }

    /** Requests a run of every application that depends on a now ready one and was deferred or is deciding. */
    void ready(String name) {
        for (ApplicationWorker worker : apps.values()) {
            if (worker.application().dependsOn().contains(name)) {
                worker.dependencyReady();
            }
        }
    }

    /**
     * Returns a dependency cycle the application would close among the registered ones, as {@code "a -> b -> a"},
     * or {@code null} when there is none.
     */
    String cycleThrough(Application added) {
        List<String> path = new ArrayList<>();
        path.add(added.name());
        return search(added.name(), added.dependsOn(), path);
    }

    private String search(String start, Set<String> next, List<String> path) {
        for (String dependency : next) {
            if (dependency.equals(start)) {
                return String.join(" -> ", path) + " -> " + start;
            }
            ApplicationWorker worker = apps.get(dependency);
            if (worker == null || path.contains(dependency)) {
                continue;
            }
            path.add(dependency);
            String cycle = search(start, worker.application().dependsOn(), path);
            if (cycle != null) {
                return cycle;
            }
            path.remove(path.size() - 1);
        }
        return null;
    }
}
