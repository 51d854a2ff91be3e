package io.gitops4j.diff;

import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;

/** Shorthands for diffing one resource and describing the result in tests. */
final class Diffs {

    private Diffs() {
    }

    /** Diffs with the default differ. */
    static ResourceDiff diff(Resource desired, LiveResource live) {
        return diff(DefaultStateDiffer.defaults(), desired, live);
    }

    static ResourceDiff diff(DefaultStateDiffer differ, Resource desired, LiveResource live) {
        return differ.diff(desired.key(), desired, live);
    }

    /** Returns the changes as {@code OPERATION path}, comma-separated, in order. */
    static String paths(ResourceDiff diff) {
        return String.join(",", diff.changes().stream().map(c -> c.operation() + " " + c.path()).toList());
    }
}
