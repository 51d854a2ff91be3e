package io.gitops4j.bench.cluster;

import io.gitops4j.TargetException;
import io.gitops4j.cluster.LeaseRecord;
import io.gitops4j.cluster.LeaseStore;
import java.util.List;
import java.util.Optional;

/** A lease store whose every call fails once killed, so a replica in this JVM dies as a SIGKILL'd one would. */
final class KillableLeaseStore implements LeaseStore {
    private final LeaseStore store;
    private volatile boolean killed;

    KillableLeaseStore(LeaseStore store) {
        this.store = store;
    }

    void kill() {
        killed = true;
    }

    private void alive() {
        if (killed) {
            throw new TargetException(null, "replica killed");
        }
    }

    @Override
    public Optional<LeaseRecord> get(String name) {
        alive();
        return store.get(name);
    }

    @Override
    public LeaseRecord create(LeaseRecord lease) {
        alive();
        return store.create(lease);
    }

    @Override
    public LeaseRecord update(LeaseRecord lease) {
        alive();
        return store.update(lease);
    }

    @Override
    public List<LeaseRecord> list(String prefix) {
        alive();
        return store.list(prefix);
    }

    @Override
    public String describe() {
        return store.describe();
    }
}
