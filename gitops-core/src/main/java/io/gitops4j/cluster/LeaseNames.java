package io.gitops4j.cluster;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The names of a fleet's leases, valid Kubernetes object names (DNS-1123 subdomains): {@code <group>-replica-<id>}
 * for each replica's membership, {@code <group>-app-<application>} for each application's claim and
 * {@code <group>-leader} for the leader. A name part that is not already a lowercase DNS label (or is too long)
 * is cleaned and gets a short hash of the original, so distinct names never share a lease.
 *
 * @param group the fleet's name, the common prefix
 */
record LeaseNames(String group) {
    private static final int MAX_PART = 200;

    LeaseNames {
        if (!group.equals(clean(group)) || group.isEmpty()) {
            throw new IllegalArgumentException("the lease group '" + group + "' must be a lowercase DNS label "
                    + "(letters, digits, '-'; start and end with a letter or digit)");
        }
    }

    String replicaPrefix() {
        return group + "-replica-";
    }

    String claimPrefix() {
        return group + "-app-";
    }

    String leader() {
        return group + "-leader";
    }

    String replica(String identity) {
        return replicaPrefix() + part(identity);
    }

    String claim(String application) {
        return claimPrefix() + part(application);
    }

    private static String part(String value) {
        String cleaned = clean(value);
        if (cleaned.equals(value) && value.length() <= MAX_PART) {
            return value;
        }
        String hash = Hashing.murmur3_32_fixed().hashString(value, StandardCharsets.UTF_8).toString();
        String head = cleaned.length() > MAX_PART ? cleaned.substring(0, MAX_PART) : cleaned;
        return (head.isEmpty() ? "x" : head) + "-" + hash;
    }

    private static String clean(String value) {
        String lower = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return lower.replaceAll("^-+", "").replaceAll("-+$", "");
    }
}
