package io.gitops4j.k8s.internal;

/**
 * Orders resourceVersions as far as a client may: the API server documents them as opaque, but every server built on
 * etcd hands out increasing integers, so two that both parse as numbers are compared as numbers; anything else counts
 * as newer (an event is then accepted rather than ignored).
 */
final class ResourceVersions {
    private ResourceVersions() {
    }

    /** Returns the resourceVersion as a number, or {@code null} when it is not one. */
    static Long numeric(String resourceVersion) {
        if (resourceVersion == null || resourceVersion.isEmpty() || resourceVersion.length() > 18) {
            return null;
        }
        for (int i = 0; i < resourceVersion.length(); i++) {
            char c = resourceVersion.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Long.parseLong(resourceVersion);
    }

    /** Returns whether {@code candidate} is at least {@code threshold}; true when either is not a number. */
    static boolean atLeast(String candidate, Long threshold) {
        Long value = numeric(candidate);
        return value == null || threshold == null || value >= threshold;
    }

    /** Returns whether {@code candidate} is at least {@code other}; true when either is not a number. */
    static boolean atLeast(String candidate, String other) {
        return atLeast(candidate, numeric(other));
    }
}
