package io.gitops4j.testkit.cluster;

import static java.util.Objects.requireNonNull;

import io.gitops4j.LeaseConflictException;
import io.gitops4j.TargetException;
import io.gitops4j.cluster.LeaseRecord;
import io.gitops4j.cluster.LeaseStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link LeaseStore} in memory with the optimistic concurrency of the Kubernetes API (versions are a counter), for
 * fleet tests. Each replica reaches it through a {@link #connection(String) connection}, which a test can cut to
 * play a network partition: that replica's calls then fail as an unreachable API server's would, while the others'
 * go on. Thread-safe.
 */
public final class InMemoryLeaseStore {
    private final TreeMap<String, LeaseRecord> leases = new TreeMap<>();
    private final Set<String> cut = ConcurrentHashMap.newKeySet();
    private long version;
    private long writes;

    /** Creates an empty store. */
    public InMemoryLeaseStore() {
    }

    /**
     * Returns a replica's connection to this store.
     *
     * @param replica a name for the connection, used by {@link #cut(String)}
     * @return the store as that replica sees it
     */
    public LeaseStore connection(String replica) {
        requireNonNull(replica, "replica is null");
        return new Connection(replica);
    }

    /**
     * Cuts a replica's connection: its calls fail until {@link #restore(String)}.
     *
     * @param replica the connection's name
     */
    public void cut(String replica) {
        cut.add(replica);
    }

    /**
     * Restores a cut connection.
     *
     * @param replica the connection's name
     */
    public void restore(String replica) {
        cut.remove(replica);
    }

    /**
     * Returns every lease, sorted by name.
     *
     * @return a snapshot
     */
    public synchronized List<LeaseRecord> all() {
        return List.copyOf(leases.values());
    }

    /**
     * Returns how many writes succeeded, to bound a fleet's write load in tests.
     *
     * @return the count
     */
    public synchronized long writes() {
        return writes;
    }

    private synchronized Optional<LeaseRecord> get(String name) {
        return Optional.ofNullable(leases.get(name));
    }

    private synchronized LeaseRecord create(LeaseRecord lease) {
        if (leases.containsKey(lease.name())) {
            throw new LeaseConflictException("lease " + lease.name() + " already exists");
        }
        return store(lease);
    }

    private synchronized LeaseRecord update(LeaseRecord lease) {
        LeaseRecord stored = leases.get(lease.name());
        if (stored == null) {
            throw new LeaseConflictException("lease " + lease.name() + " does not exist any more");
        }
        if (!stored.version().equals(lease.version())) {
            throw new LeaseConflictException("lease " + lease.name() + " changed: version " + stored.version()
                    + ", not " + lease.version());
        }
        return store(lease);
    }

    private LeaseRecord store(LeaseRecord lease) {
        version++;
        writes++;
        LeaseRecord stored = new LeaseRecord(lease.name(), lease.holder(), lease.duration(), lease.acquireTime(),
                lease.renewTime(), lease.transitions(), Long.toString(version));
        leases.put(lease.name(), stored);
        return stored;
    }

    private synchronized List<LeaseRecord> list(String prefix) {
        List<LeaseRecord> found = new ArrayList<>();
        for (Map.Entry<String, LeaseRecord> entry : leases.tailMap(prefix, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            found.add(entry.getValue());
        }
        return found;
    }

    /** One replica's view; fails while cut. */
    private final class Connection implements LeaseStore {
        private final String replica;

        Connection(String replica) {
            this.replica = replica;
        }

        private void reachable() {
            if (cut.contains(replica)) {
                throw new TargetException(null, "cannot reach the lease store from " + replica
                        + ": connection cut by the test");
            }
        }

        @Override
        public Optional<LeaseRecord> get(String name) {
            reachable();
            return InMemoryLeaseStore.this.get(requireNonNull(name, "name is null"));
        }

        @Override
        public LeaseRecord create(LeaseRecord lease) {
            reachable();
            return InMemoryLeaseStore.this.create(requireNonNull(lease, "lease is null"));
        }

        @Override
        public LeaseRecord update(LeaseRecord lease) {
            reachable();
            return InMemoryLeaseStore.this.update(requireNonNull(lease, "lease is null"));
        }

        @Override
        public List<LeaseRecord> list(String prefix) {
            reachable();
            return InMemoryLeaseStore.this.list(requireNonNull(prefix, "prefix is null"));
        }

        @Override
        public String describe() {
            return "in-memory leases (as seen by " + replica + ")";
        }
    }
}
