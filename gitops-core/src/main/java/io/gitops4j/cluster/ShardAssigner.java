package io.gitops4j.cluster;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Spreads applications over replicas by consistent hashing with bounded loads (Mirrokni, Thorup and Zadimoghaddam,
 * 2018): each replica stands at {@link #virtualNodes()} points of a hash ring; each application, taken in the order
 * of its own hash, goes to the first replica clockwise from its hash that holds fewer than
 * {@link #capacity(int, int) ⌈(1 + ε) · applications / replicas⌉}. So no replica is ever above that bound, and a
 * replica that joins or leaves moves only the applications near its points plus the few the bound pushes on.
 *
 * <p>A pure function of its inputs: every replica that sees the same applications and the same live replicas
 * computes the same assignment, without talking to the others. Immutable and thread-safe.
 */
public final class ShardAssigner {
    private static final HashFunction HASH = Hashing.murmur3_128();

    private final double epsilon;
    private final int virtualNodes;

    private ShardAssigner(double epsilon, int virtualNodes) {
        this.epsilon = epsilon;
        this.virtualNodes = virtualNodes;
    }

    /**
     * Returns an assigner with a load bound of {@code 1 + epsilon} times the mean and 100 points per replica.
     *
     * @param epsilon how far above the mean load a replica may go; positive (0.25 is a good start)
     * @return the assigner
     */
    public static ShardAssigner withLoadFactor(double epsilon) {
        return of(epsilon, 100);
    }

    /**
     * Returns an assigner.
     *
     * @param epsilon how far above the mean load a replica may go; positive
     * @param virtualNodes points per replica on the ring; at least 1
     * @return the assigner
     */
    public static ShardAssigner of(double epsilon, int virtualNodes) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be positive and finite: " + epsilon);
        }
        if (virtualNodes < 1) {
            throw new IllegalArgumentException("virtualNodes must be at least 1: " + virtualNodes);
        }
        return new ShardAssigner(epsilon, virtualNodes);
    }

    /**
     * Returns the load bound's ε.
     *
     * @return epsilon
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * Returns the number of ring points per replica.
     *
     * @return the virtual nodes
     */
    public int virtualNodes() {
        return virtualNodes;
    }

    /**
     * Returns the most applications one replica gets: {@code ⌈(1 + ε) · applications / replicas⌉}.
     *
     * @param applications how many applications
     * @param replicas how many replicas; at least 1
     * @return the bound
     */
    public int capacity(int applications, int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1: " + replicas);
        }
        return (int) Math.ceil((1 + epsilon) * applications / replicas - 1e-9);
    }

    /**
     * Assigns every application to one replica.
     *
     * @param applications the application names (duplicates ignored)
     * @param replicas the live replicas (duplicates ignored); empty assigns nothing
     * @return application → replica, sorted by application
     */
    public SortedMap<String, String> assign(Collection<String> applications, Collection<String> replicas) {
        requireNonNull(applications, "applications is null");
        requireNonNull(replicas, "replicas is null");
        SortedMap<String, String> assignment = new TreeMap<>();
        List<String> members = List.copyOf(new TreeSet<>(replicas));
        if (members.isEmpty() || applications.isEmpty()) {
            return assignment;
        }
        Ring ring = new Ring(members);
        List<String> apps = List.copyOf(new TreeSet<>(applications));
        long[] appHashes = new long[apps.size()];
        Integer[] order = new Integer[apps.size()];
        for (int i = 0; i < apps.size(); i++) {
            appHashes[i] = hash(apps.get(i));
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byHash = Long.compareUnsigned(appHashes[a], appHashes[b]);
            return byHash != 0 ? byHash : apps.get(a).compareTo(apps.get(b));
        });
        int capacity = capacity(apps.size(), members.size());
        Map<String, Integer> load = new HashMap<>();
        for (Integer index : order) {
            String owner = ring.firstWithRoom(appHashes[index], load, capacity);
            load.merge(owner, 1, Integer::sum);
            assignment.put(apps.get(index), owner);
        }
        return assignment;
    }

    private static long hash(String value) {
        return HASH.hashString(value, StandardCharsets.UTF_8).asLong();
    }

    /** The ring: points sorted by unsigned hash, each naming its replica. */
    private final class Ring {
        private final long[] points;
        private final String[] owners;

        Ring(List<String> members) {
            int size = members.size() * virtualNodes;
            long[][] pairs = new long[size][2];
            int n = 0;
            for (int m = 0; m < members.size(); m++) {
                for (int v = 0; v < virtualNodes; v++) {
                    pairs[n][0] = hash(members.get(m) + "#" + v);
                    pairs[n][1] = m;
                    n++;
                }
            }
            Arrays.sort(pairs, (a, b) -> {
                int byPoint = Long.compareUnsigned(a[0], b[0]);
                return byPoint != 0 ? byPoint : Long.compare(a[1], b[1]);
            });
            points = new long[size];
            owners = new String[size];
            for (int i = 0; i < size; i++) {
                points[i] = pairs[i][0];
                owners[i] = members.get((int) pairs[i][1]);
            }
        }

        /** Walks clockwise from {@code hash} to the first replica below capacity; one always is. */
        String firstWithRoom(long hash, Map<String, Integer> load, int capacity) {
            int start = firstAtOrAfter(hash);
            for (int step = 0; step < points.length; step++) {
                String owner = owners[(start + step) % points.length];
                if (load.getOrDefault(owner, 0) < capacity) {
                    return owner;
                }
            }
            throw new IllegalStateException("every replica is at capacity " + capacity + "; this cannot happen");
        }

        private int firstAtOrAfter(long hash) {
            int low = 0;
            int high = points.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (Long.compareUnsigned(points[mid], hash) < 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low == points.length ? 0 : low;
        }
    }
}
