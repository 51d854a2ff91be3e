package io.gitops4j.plan;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.ChangeType;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of what must happen to make live match desired: creates and updates in apply order, then
 * deletions in reverse order, plus the resources that are already in sync.
 *
 * <p>Made by a {@link Planner}; the same diff always gives an equal plan, and {@link #toText()} and
 * {@link #toJson()} are byte-for-byte identical for equal plans. Renderings show keys and field changes only, with
 * sensitive values redacted by the differ. Immutable and thread-safe.
 */
public final class Plan {
    private static final Plan EMPTY = new Plan(List.of(), List.of());

    private final List<PlanStep> desiredOrder;
    private final List<PlanStep> applies;
    private final List<PlanStep> unchanged;
    private final List<PlanStep> deletes;
    private final List<PlanStep> steps;
    private final List<HookStep> hooks;

    Plan(List<PlanStep> desiredOrder, List<PlanStep> deletes) {
        this(desiredOrder, deletes, List.of());
    }

    private Plan(List<PlanStep> desiredOrder, List<PlanStep> deletes, List<HookStep> hooks) {
        this.hooks = List.copyOf(hooks);
        this.desiredOrder = List.copyOf(desiredOrder);
        List<PlanStep> changing = new ArrayList<>();
        List<PlanStep> inSync = new ArrayList<>(this.desiredOrder.size());
        for (PlanStep step : this.desiredOrder) {
            (step.action() == ChangeType.NONE ? inSync : changing).add(step);
        }
        this.applies = List.copyOf(changing);
        this.unchanged = List.copyOf(inSync);
        this.deletes = List.copyOf(deletes);
        List<PlanStep> all = new ArrayList<>(applies.size() + this.deletes.size());
        all.addAll(applies);
        all.addAll(this.deletes);
        this.steps = List.copyOf(all);
        for (PlanStep delete : this.deletes) {
            requireNonNull(delete, "step is null");
            if (!delete.isDelete()) {
                throw new IllegalArgumentException("not a delete: " + delete);
            }
        }
    }

    /**
     * Returns the plan of an empty diff (used when a run fails before planning).
     *
     * @return a plan with no steps
     */
    public static Plan empty() {
        return EMPTY;
    }

    /**
     * Returns every step that changes something: creates and updates in apply order, then deletes.
     *
     * @return an unmodifiable list without {@link ChangeType#NONE}
     */
    public List<PlanStep> steps() {
        return steps;
    }

    /**
     * Returns the creates and updates, in apply order (wave, kind priority, key).
     *
     * @return an unmodifiable list
     */
    public List<PlanStep> applies() {
        return applies;
    }

    /**
     * Returns the deletions, in deletion order (the reverse of apply order, containers last).
     *
     * @return an unmodifiable list
     */
    public List<PlanStep> deletes() {
        return deletes;
    }

    /**
     * Returns the declared resources that are already in sync, in apply order.
     *
     * @return an unmodifiable list of {@link ChangeType#NONE} entries
     */
    public List<PlanStep> unchanged() {
        return unchanged;
    }

    /**
     * Returns every declared resource in apply order, in-sync ones included: what a forced run applies.
     *
     * @return an unmodifiable list of create, update and unchanged entries
     */
    public List<PlanStep> allApplies() {
        return desiredOrder;
    }

    /**
     * Returns the hooks of the desired state, in run order (phase, wave, kind, key): what a run that syncs
     * something creates and waits for around the steps, and, with a note, what is declared as a hook but not run.
     *
     * @return an unmodifiable list; empty unless {@link #withHooks} set it
     */
    public List<HookStep> hooks() {
        return hooks;
    }

    /**
     * Returns this plan with hooks.
     *
     * @param value the hook steps, in any order; they are ordered by {@link Hooks#order}
     * @return a plan with the same steps and these hooks
     */
    public Plan withHooks(List<HookStep> value) {
        requireNonNull(value, "value is null");
        return new Plan(desiredOrder, deletes, Hooks.order(value));
    }

    /**
     * Tells whether anything must change (hooks, which run only when something changes, do not count).
     *
     * @return {@code true} when there is at least one step
     */
    public boolean hasChanges() {
        return !steps.isEmpty();
    }

    /**
     * Counts the entries of one action ({@link ChangeType#NONE} counts the unchanged resources).
     *
     * @param action the action
     * @return how many entries have it
     */
    public int count(ChangeType action) {
        requireNonNull(action, "action is null");
        if (action == ChangeType.NONE) {
            return unchanged.size();
        }
        if (action == ChangeType.DELETE) {
            return deletes.size();
        }
        return (int) applies.stream().filter(s -> s.action() == action).count();
    }

    /**
     * Returns the one-line summary, e.g. {@code Plan: 2 to create, 1 to update, 1 to delete, 7 unchanged.}, with
     * {@code , 3 hooks} before the full stop when the plan has hooks.
     *
     * @return the summary line, without a line break
     */
    public String summary() {
        return "Plan: " + count(ChangeType.CREATE) + " to create, " + count(ChangeType.UPDATE) + " to update, "
                + count(ChangeType.DELETE) + " to delete, " + count(ChangeType.NONE) + " unchanged"
                + (hooks.isEmpty() ? "" : ", " + hooks.size() + (hooks.size() == 1 ? " hook" : " hooks")) + ".";
    }

    /**
     * Renders the plan as stable, human-readable text in the manner of {@code terraform plan}: one block per
     * step in execution order with its field changes, then the hooks in run order (phase, wave, delete policies
     * and any warning), then the {@link #summary()} line.
     *
     * @return the text, ending with a line break; identical for equal plans
     */
    public String toText() {
        return PlanText.render(this);
    }

    /**
     * Renders the plan as canonical JSON (fields sorted, compact): a {@code summary} object and the ordered
     * {@code steps}, each with action, key parts, wave and field changes; and, when there are hooks, the ordered
     * {@code hooks}, each with phase, key parts, wave, delete policies and note.
     *
     * @return the JSON text; identical for equal plans
     */
    public String toJson() {
        return PlanJson.render(this);
    }

    /** Renders as the summary line. */
    @Override
    public String toString() {
        return summary();
    }
}
