package io.gitops4j.reconcile;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.PlanStep;
import io.gitops4j.plan.Planner;
import io.gitops4j.target.Target;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one memory of an engine: what its last run prepared, diffed and planned, reused where this run's inputs are
 * the very same (immutable) objects. The differ and the planner are pure functions; the sources and targets keep
 * their own edge caches and hand back the same objects while nothing changed (the Git source the state of an
 * unchanged commit, an informer-like target the same live object while its uid and resourceVersion are the same).
 *
 * <h2>The identity rule</h2>
 * <ul>
 *   <li><b>Prepare.</b> A source resource object prepared last time is reused as prepared when its key still
 *       resolves as before; when every one is, and nothing failed, the whole prepared state is.</li>
 *   <li><b>Diff.</b> A key whose desired object and live object (either may be absent) are the very same
 *       instances as last run keeps last run's diff; every other key is diffed by the configured differ
 *       ({@link StateDiffer#diff(ResourceKey, Resource, LiveResource)}).</li>
 *   <li><b>Plan.</b> A key whose planned diff is the very same instance as last run keeps its step; others get a
 *       new {@link Planner#step}. When every key kept everything, last run's diff and plan are returned as
 *       they are; else the steps are ordered again ({@link Planner#order}).</li>
 * </ul>
 * The result is always equal to a fresh diff and plan of the same inputs. One walk in key order over desired,
 * live and last run's entries pairs them, without a map lookup.
 *
 * <p>Used by one run at a time (the engine's runs are serialised); the fields are volatile for visibility. Holds
 * the last run's objects until the next run.
 */
final class RunMemo {
    private final StateDiffer differ;
    private final Planner planner;
    private volatile DesiredState lastSource;
    private volatile Map<Resource, Resource> lastMade = Map.of();
    private volatile PreparedState lastPrepared;
    private volatile List<MemoEntry> lastEntries = List.of();
    private volatile Plan lastPlan;

    RunMemo(StateDiffer differ, Planner planner) {
        this.differ = requireNonNull(differ, "differ is null");
        this.planner = requireNonNull(planner, "planner is null");
    }

    /**
     * Prepares a desired state for the target, reusing the previous preparation where it still holds.
     *
     * @param application the application, for tracking ids
     * @param desired the loaded desired state
     * @param target the target resolving keys
     * @return the prepared state; the previous one itself when the source state and every resolution are the same
     */
    PreparedState prepare(String application, DesiredState desired, Target target) {
        PreparedState previous = lastPrepared;
        if (previous != null && desired == lastSource && previous.failures().isEmpty()
                && resolvesAsBefore(desired, target, lastMade)) {
            return previous;
        }
        Map<Resource, Resource> made = new IdentityHashMap<>(desired.size() * 2);
        PreparedState prepared = PreparedState.of(application, desired, target, lastMade, made);
        lastSource = desired;
        lastMade = made;
        lastPrepared = prepared;
        return prepared;
    }

    /* Every source object was prepared last time and its key still resolves to the prepared object's key. */
    private static boolean resolvesAsBefore(DesiredState desired, Target target, Map<Resource, Resource> made) {
        if (made.size() != desired.size()) {
            return false;
        }
        try {
            for (Resource resource : desired.resources().values()) {
                Resource before = made.get(resource);
                if (before == null || !before.key().equals(target.resolve(resource.key()))) {
                    return false;
                }
            }
        } catch (RuntimeException e) {
            return false; // prepared again, where the failure is recorded as a failed step
        }
        return true;
    }

    /**
     * Diffs and plans, reusing last run's diffs and steps by the identity rule.
     *
     * @param desired the prepared desired state
     * @param live the live objects of the desired and owned keys
     * @param planning what is planned of each diff: the diff itself, another diff, or {@code null} to leave it out
     *     (ownership and per-object policies); called for every key, a function of the diff alone
     * @return the plan of the planned diffs, each step holding its diff
     * @throws RuntimeException what the differ or the planner threw; the memo then keeps last run's results
     */
    Plan plan(DesiredState desired, LiveState live, UnaryOperator<ResourceDiff> planning) {
        List<MemoEntry> before = lastEntries;
        List<MemoEntry> entries = new ArrayList<>(desired.size() + 8);
        List<PlanStep> steps = new ArrayList<>(desired.size() + 8);
        boolean allKept = walk(desired, live, before, planning, entries, steps);
        Plan previous = lastPlan;
        if (allKept && previous != null && entries.size() == before.size()) {
            return previous;
        }
        Plan plan = planner.order(steps);
        lastEntries = entries;
        lastPlan = plan;
        return plan;
    }

    /* The merge walk: desired and live in key order, last run's entries alongside; true when every entry is kept.
       Collects the entries and, in the same order, the steps of those that are planned. */
    private boolean walk(DesiredState desired, LiveState live, List<MemoEntry> before,
            UnaryOperator<ResourceDiff> planning, List<MemoEntry> out, List<PlanStep> steps) {
        Iterator<Resource> left = desired.resources().values().iterator();
        Iterator<LiveResource> right = live.resources().values().iterator();
        Resource d = left.hasNext() ? left.next() : null;
        LiveResource l = right.hasNext() ? right.next() : null;
        int cursor = 0;
        int last = before.size();
        boolean allKept = true;
        while (d != null || l != null) {
            MemoEntry previous = cursor < last ? before.get(cursor) : null;
            Resource desiredObject;
            LiveResource liveObject;
            if (previous != null && previous.madeOf(d, l)) {
                desiredObject = d; // the same pair as last time, so both of one key: no key comparison
                liveObject = l;
                cursor++;
            } else {
                int order = d == null ? 1 : l == null ? -1 : d.key().compareTo(l.key());
                desiredObject = order <= 0 ? d : null;
                liveObject = order >= 0 ? l : null;
                ResourceKey key = order <= 0 ? d.key() : l.key();
                while (cursor < last && before.get(cursor).key().compareTo(key) < 0) {
                    cursor++;
                }
                previous = cursor < last && before.get(cursor).key().equals(key) ? before.get(cursor++) : null;
                if (previous != null && !previous.madeOf(desiredObject, liveObject)) {
                    previous = null;
                }
            }
            MemoEntry entry = entry(previous, desiredObject, liveObject, planning);
            allKept &= entry == previous;
            out.add(entry);
            if (entry.step() != null) {
                steps.add(entry.step());
            }
            if (desiredObject != null) {
                d = left.hasNext() ? left.next() : null;
            }
            if (liveObject != null) {
                l = right.hasNext() ? right.next() : null;
            }
        }
        return allKept;
    }

    /* Last run's entry when all of it still holds, else a new one keeping what it can. */
    private MemoEntry entry(MemoEntry previous, Resource desired, LiveResource live,
            UnaryOperator<ResourceDiff> planning) {
        ResourceDiff diff = previous != null ? previous.diff()
                : differ.diff(desired != null ? desired.key() : live.key(), desired, live);
        ResourceDiff planned = planning.apply(diff);
        if (previous != null && previous.planned() == planned) {
            return previous;
        }
        PlanStep step = planned == null ? null : planner.step(planned);
        return new MemoEntry(desired, live, diff, planned, step);
    }
}
