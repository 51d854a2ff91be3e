package io.gitops4j.loop;

import static java.util.Objects.requireNonNull;

import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.target.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The rules an {@link Application.Builder} checks each setting against, with messages that say what to do. */
final class ApplicationChecks {
    private ApplicationChecks() {
    }

    static String name(String value) {
        requireNonNull(value, "name is null");
        if (value.isBlank() || value.contains(":")) {
            throw new IllegalArgumentException("application name must be non-blank and contain no ':': '"
                    + value + "'");
        }
        return value;
    }

    static Duration interval(Duration value) {
        requireNonNull(value, "interval is null");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("interval must be positive: " + value);
        }
        return value;
    }

    static double jitter(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("interval jitter must be a share between 0 and 1: " + share);
        }
        return share;
    }

    static ReconcileOptions reconcileOptions(ReconcileOptions value) {
        requireNonNull(value, "reconcileOptions is null");
        if (value.revision().isPresent()) {
            throw new IllegalArgumentException("an application's reconcile options name no revision ("
                    + value.revision().get() + "): each run loads the latest; use GitOpsController.rollback to pin"
                    + " an earlier one");
        }
        return value;
    }

    static List<String> dependencies(String... names) {
        List<String> checked = new ArrayList<>();
        for (String dependency : requireNonNull(names, "names is null")) {
            requireNonNull(dependency, "a dependency name is null");
            if (dependency.isBlank()) {
                throw new IllegalArgumentException("a dependency name is blank");
            }
            checked.add(dependency);
        }
        return checked;
    }

    static void complete(String name, DesiredStateSource source, Target target, Set<String> dependsOn) {
        if (name == null || source == null || target == null) {
            throw new IllegalStateException("an application needs a name, a source and a target; missing:"
                    + (name == null ? " name" : "") + (source == null ? " source" : "")
                    + (target == null ? " target" : ""));
        }
        if (dependsOn.contains(name)) {
            throw new IllegalArgumentException("application '" + name + "' cannot depend on itself");
        }
    }
}
