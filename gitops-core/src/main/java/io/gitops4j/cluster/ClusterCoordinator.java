package io.gitops4j.cluster;

import static java.util.Objects.requireNonNull;

import io.gitops4j.GitOpsException;
import io.gitops4j.LeaseConflictException;
import io.gitops4j.reconcile.RunFence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica's part in a fleet of controllers that share applications through leases in a {@link LeaseStore}.
 *
 * <p>How it works, on every {@link #tick} (the controller calls it each {@link LeaseTiming#retryPeriod()}):
 * <ol>
 *   <li>The replica renews its membership lease {@code <group>-replica-<identity>}. If it cannot renew for the
 *       {@link LeaseTiming#renewDeadline() renew deadline}, it steps down at once: it owns nothing, so no run
 *       starts, and a run under way stops at its next write phase (the {@link #fence()}).</li>
 *   <li>It lists the membership leases; a replica is live while its lease keeps changing (judged by this replica's
 *       clock, as Kubernetes leader election does). In {@link ClusterMode#LEADER} mode it also takes or renews
 *       {@code <group>-leader}, and only the leader counts as live for the assignment.</li>
 *   <li>Every replica computes the same {@link ShardAssigner} assignment from the same live set. For each
 *       application assigned to it, it takes the claim lease {@code <group>-app-<name>} when the claim is free, or
 *       held by a replica that is not live any more and unchanged for a lease duration (a compare-and-set on the
 *       lease's version, so two replicas can never both take it); a claim held by a live replica is left until that
 *       replica releases it. Claims of
 *       applications no longer assigned to it are released as soon as no run of them is under way.</li>
 * </ol>
 * An application is owned while this replica holds its claim and the assignment gives it this replica. Claims are
 * only written when they change hands, so a steady fleet writes one lease per replica per retry period.
 *
 * <p>The {@link #fence()} a run asks before each write phase re-reads the claim and rewrites it at the version it
 * read: if another replica took it in the meantime, the write fails and the run stops; if this replica was paused
 * past its lease and resumes, its claim is gone or the rewrite conflicts, so it never writes after a takeover. A
 * takeover waits for a full lease duration of silence, and a fence renews the claim, so after each fence the run has
 * at least one lease duration before anyone else may start. A pause longer than the lease <em>inside</em> one write
 * phase is the one case a lease cannot fence (Kubernetes has no fencing tokens on writes); keep the lease duration
 * well above the longest phase.
 *
 * <p>Thread-safe.
 */
public final class ClusterCoordinator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterCoordinator.class);

    private final LeaseStore store;
    private final String identity;
    private final ClusterMode mode;
    private final LeaseTiming timing;
    private final Clock clock;
    private final ShardAssigner assigner;
    private final LeaseNames names;
    private final LeaseObservations observations = new LeaseObservations();

    private LeaseRecord member;
    private LeaseRecord leaderLease;
    private Instant lastRenewed;
    private boolean steppedDown;
    private boolean closed;
    private String leader;
    private List<String> members = List.of();
    private final Map<String, LeaseRecord> held = new HashMap<>();
    private final Set<String> owned = new TreeSet<>();
    private SortedMap<String, String> owners = new TreeMap<>();

    private ClusterCoordinator(Builder b) {
        this.store = b.store;
        this.identity = b.identity;
        this.mode = b.mode;
        this.timing = b.timing;
        this.clock = b.clock;
        this.assigner = ShardAssigner.withLoadFactor(b.loadFactor);
        this.names = new LeaseNames(b.group);
    }

    /**
     * Returns a builder: sharded mode, Kubernetes' lease timing, load factor 0.25, group {@code gitops4j}, the UTC
     * system clock.
     *
     * @param store where the leases are
     * @param identity this replica's unique name (a pod name); lowercase letters, digits and '-' keep lease names
     *     readable
     * @return the builder
     */
    public static Builder builder(LeaseStore store, String identity) {
        return new Builder(store, identity);
    }

    /**
     * Returns this replica's identity.
     *
     * @return the identity
     */
    public String identity() {
        return identity;
    }

    /**
     * Returns the lease timing.
     *
     * @return the timing
     */
    public LeaseTiming timing() {
        return timing;
    }

    /**
     * Renews this replica's leases, looks at the fleet, and takes or releases claims (see the class description).
     * Store failures are logged and retried on the next tick; past the renew deadline they step this replica down.
     *
     * @param applications the applications of this replica's controller
     * @param busy tells whether a run of an application is under way (its claim is then kept until it ends)
     * @return what changed for this replica
     */
    public synchronized OwnershipChange tick(Collection<String> applications, Predicate<String> busy) {
        requireNonNull(applications, "applications is null");
        requireNonNull(busy, "busy is null");
        if (closed) {
            return OwnershipChange.NONE;
        }
        Set<String> before = new TreeSet<>(owned);
        Instant now = clock.instant();
        try {
            renewMembership(now);
            steppedDown = false;
            Set<String> live = liveMembers(now);
            Set<String> assignable = live;
            if (mode == ClusterMode.LEADER) {
                leader = electLeader(now, live);
                assignable = leader == null ? Set.of() : Set.of(leader);
            }
            SortedMap<String, String> assignment = assigner.assign(applications, assignable);
            claim(new TreeSet<>(applications), assignment, busy, now, live);
        } catch (GitOpsException e) {
            LOG.warn("replica {}: cannot reach the leases in {}: {}", identity, store.describe(), e.getMessage());
            if (!renewedInTime(now)) {
                stepDown(now);
            }
        }
        return change(before);
    }

    /**
     * Tells whether this replica may start a run of an application now.
     *
     * @param application the application
     * @return {@code true} when it holds the claim and the assignment gives it this replica
     */
    public synchronized boolean owns(String application) {
        return owned.contains(application) && !steppedDown && !closed && renewedInTime(clock.instant());
    }

    private boolean renewedInTime(Instant now) {
        return lastRenewed != null && now.isBefore(lastRenewed.plus(timing.renewDeadline()));
    }

    /**
     * Returns the fence a run asks before each write phase: it passes only while this replica renewed its
     * membership within the renew deadline and still holds the application's claim, which it renews.
     *
     * @return the fence
     */
    public RunFence fence() {
        return this::checkClaim;
    }

    /**
     * Returns what this replica knows of the fleet.
     *
     * @return the status
     */
    public synchronized FleetStatus status() {
        return new FleetStatus(identity, mode, members, Optional.ofNullable(leader), owners, List.copyOf(owned),
                Optional.ofNullable(lastRenewed), steppedDown);
    }

    /**
     * Leaves the fleet gracefully: releases every claim and the membership (and leadership), so the others take
     * over at their next tick instead of after a lease duration. Call it after the runs ended. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Instant now = clock.instant();
        for (LeaseRecord claim : List.copyOf(held.values())) {
            release(claim, now);
        }
        held.clear();
        owned.clear();
        if (leaderLease != null && leaderLease.holder().equals(identity)) {
            release(leaderLease, now);
        }
        if (member != null) {
            release(member, now);
        }
        LOG.info("replica {} left the fleet {}", identity, names.group());
    }

    private Optional<String> checkClaim(String application, String phase) {
        Instant now = clock.instant();
        synchronized (this) {
            if (closed) {
                return Optional.of("replica " + identity + " left the fleet");
            }
            if (steppedDown || !renewedInTime(now)) {
                return Optional.of("replica " + identity + " has not renewed its membership within the renew deadline"
                        + " of " + timing.renewDeadline().toSeconds() + " s; it stepped down and writes nothing");
            }
        }
        String name = names.claim(application);
        try {
            Optional<LeaseRecord> claim = store.get(name);
            if (claim.isEmpty() || !claim.get().holder().equals(identity)) {
                String holder = claim.map(LeaseRecord::holder).filter(h -> !h.isEmpty()).orElse("nobody");
                return Optional.of("application " + application + " is claimed by " + holder + ", not by replica "
                        + identity + " (lease " + name + ")");
            }
            LeaseRecord renewed = store.update(claim.get().renewed(now));
            synchronized (this) {
                held.put(application, renewed);
            }
            return Optional.empty();
        } catch (LeaseConflictException e) {
            return Optional.of("application " + application + " was claimed by another replica meanwhile (lease "
                    + name + " changed)");
        } catch (GitOpsException e) {
            return Optional.of("cannot check the claim " + name + " of application " + application + ": "
                    + e.getMessage());
        }
    }

    private void renewMembership(Instant now) {
        String name = names.replica(identity);
        if (member == null) {
            Optional<LeaseRecord> existing = store.get(name);
            member = existing.isEmpty()
                    ? store.create(LeaseRecord.acquired(name, identity, timing.leaseDuration(), now))
                    : store.update(existing.get().heldBy(identity, timing.leaseDuration(), now));
        } else {
            try {
                member = store.update(member.heldBy(identity, timing.leaseDuration(), now));
            } catch (LeaseConflictException e) {
                member = null; // changed behind our back (a restarted process of the same identity): read it again
                throw e;
            }
        }
        lastRenewed = now;
    }

    private Set<String> liveMembers(Instant now) {
        Set<String> live = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        for (LeaseRecord lease : store.list(names.replicaPrefix())) {
            seen.add(lease.name());
            if (lease.holder().equals(identity) || !observations.expired(lease, now)) {
                if (lease.isHeld()) {
                    live.add(lease.holder());
                }
            }
        }
        live.add(identity);
        members = List.copyOf(live);
        return live;
    }

    private String electLeader(Instant now, Set<String> live) {
        Optional<LeaseRecord> current = store.get(names.leader());
        try {
            if (current.isEmpty()) {
                leaderLease = store.create(LeaseRecord.acquired(names.leader(), identity, timing.leaseDuration(), now));
            } else if (current.get().holder().equals(identity)) {
                leaderLease = store.update(current.get().renewed(now));
            } else if (observations.expired(current.get(), now) || !live.contains(current.get().holder())) {
                leaderLease = store.update(current.get().heldBy(identity, timing.leaseDuration(), now));
                LOG.info("replica {} became the leader of {}", identity, names.group());
            } else {
                leaderLease = current.get();
            }
        } catch (LeaseConflictException e) {
            leaderLease = store.get(names.leader()).orElse(null);
        }
        return leaderLease == null || !leaderLease.isHeld() ? null : leaderLease.holder();
    }

    private void claim(Set<String> applications, SortedMap<String, String> assignment, Predicate<String> busy,
            Instant now, Set<String> live) {
        Map<String, LeaseRecord> claims = new HashMap<>();
        for (LeaseRecord lease : store.list(names.claimPrefix())) {
            claims.put(lease.name(), lease);
        }
        SortedMap<String, String> seenOwners = new TreeMap<>();
        for (String application : applications) {
            LeaseRecord claim = claims.get(names.claim(application));
            boolean quiet = claim != null && observations.expired(claim, now); // observed every tick, from first sight
            boolean assigned = identity.equals(assignment.get(application));
            boolean mine = claim != null && claim.holder().equals(identity);
            if (assigned && !mine) {
                boolean free = claim == null || !claim.isHeld()
                        || (!live.contains(claim.holder()) && quiet);
                if (free) {
                    claim = take(application, claim, now);
                    mine = claim != null && claim.holder().equals(identity);
                }
            } else if (!assigned && mine && !busy.test(application)) {
                release(claim, now);
                claim = null;
                mine = false;
            }
            if (mine) {
                held.put(application, claim);
            } else {
                held.remove(application);
            }
            if (mine && assigned) {
                owned.add(application);
            } else {
                owned.remove(application);
            }
            if (claim != null && claim.isHeld()) {
                seenOwners.put(application, claim.holder());
            }
        }
        for (String gone : List.copyOf(held.keySet())) {
            if (!applications.contains(gone)) {
                release(held.remove(gone), now);
                owned.remove(gone);
            }
        }
        owned.retainAll(applications);
        owners = seenOwners;
    }

    /** Takes a free or abandoned claim with a compare-and-set; returns the claim as stored, or null when lost. */
    private LeaseRecord take(String application, LeaseRecord claim, Instant now) {
        try {
            LeaseRecord taken = claim == null
                    ? store.create(LeaseRecord.acquired(names.claim(application), identity, timing.leaseDuration(), now))
                    : store.update(claim.heldBy(identity, timing.leaseDuration(), now));
            if (claim != null && claim.isHeld()) {
                LOG.info("replica {} took over application {} from {}, which is no longer live", identity,
                        application, claim.holder());
            }
            return taken;
        } catch (LeaseConflictException e) {
            return store.get(names.claim(application)).orElse(null);
        }
    }

    private void release(LeaseRecord lease, Instant now) {
        if (lease == null) {
            return;
        }
        try {
            store.update(lease.heldBy("", lease.duration(), now));
        } catch (GitOpsException e) {
            LOG.debug("replica {}: lease {} not released ({}); others take it over once it expires", identity,
                    lease.name(), e.getMessage());
        }
    }

    private void stepDown(Instant now) {
        if (!steppedDown) {
            LOG.warn("replica {} steps down: no lease renewal since {} (renew deadline {} s); it starts no runs",
                    identity, lastRenewed, timing.renewDeadline().toSeconds());
        }
        steppedDown = true;
        owned.clear();
        member = null;
    }

    private OwnershipChange change(Set<String> before) {
        List<String> gained = new ArrayList<>();
        for (String application : owned) {
            if (!before.contains(application)) {
                gained.add(application);
            }
        }
        List<String> lost = new ArrayList<>();
        for (String application : before) {
            if (!owned.contains(application) || steppedDown) {
                lost.add(application);
            }
        }
        return new OwnershipChange(gained, lost);
    }

    /** Configures a {@link ClusterCoordinator}. Not thread-safe. */
    public static final class Builder {
        private final LeaseStore store;
        private final String identity;
        private ClusterMode mode = ClusterMode.SHARDED;
        private LeaseTiming timing = LeaseTiming.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private double loadFactor = 0.25;
        private String group = "gitops4j";

        private Builder(LeaseStore store, String identity) {
            this.store = requireNonNull(store, "store is null");
            this.identity = requireNonNull(identity, "identity is null");
            if (identity.isBlank()) {
                throw new IllegalArgumentException("identity is blank; use the pod name or another unique name");
            }
        }

        /**
         * Sets how the fleet shares applications (default {@link ClusterMode#SHARDED}).
         *
         * @param value the mode
         * @return this builder
         */
        public Builder mode(ClusterMode value) {
            this.mode = requireNonNull(value, "mode is null");
            return this;
        }

        /**
         * Sets lease duration, renew deadline and retry period (default {@link LeaseTiming#DEFAULTS}).
         *
         * @param value the timing
         * @return this builder
         */
        public Builder timing(LeaseTiming value) {
            this.timing = requireNonNull(value, "timing is null");
            return this;
        }

        /**
         * Sets the clock judging lease expiry (default the UTC system clock); use the controller's clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = requireNonNull(value, "clock is null");
            return this;
        }

        /**
         * Sets ε of the load bound {@code ⌈(1 + ε) · applications / replicas⌉} (default 0.25).
         *
         * @param value positive
         * @return this builder
         */
        public Builder loadFactor(double value) {
            ShardAssigner.withLoadFactor(value);
            this.loadFactor = value;
            return this;
        }

        /**
         * Sets the fleet's name, the prefix of its lease names (default {@code gitops4j}); replicas with the same
         * group and store form one fleet.
         *
         * @param value a lowercase DNS label
         * @return this builder
         */
        public Builder group(String value) {
            new LeaseNames(requireNonNull(value, "group is null"));
            this.group = value;
            return this;
        }

        /**
         * Builds the coordinator; it touches no lease until the first {@link ClusterCoordinator#tick}.
         *
         * @return the coordinator
         */
        public ClusterCoordinator build() {
            return new ClusterCoordinator(this);
        }
    }
}
