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

    Plan(List<PlanStep> desiredOrder, List<PlanStep> deletes) {
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
     * Tells whether anything must change.
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
     * Returns the one-line summary, e.g. {@code Plan: 2 to create, 1 to update, 1 to delete, 7 unchanged.}
     *
     * @return the summary line, without a line break
     */
    public String summary() {
        return "Plan: " + count(ChangeType.CREATE) + " to create, " + count(ChangeType.UPDATE) + " to update, "
                + count(ChangeType.DELETE) + " to delete, " + count(ChangeType.NONE) + " unchanged.";
    }

    /**
     * Renders the plan as stable, human-readable text in the manner of {@code terraform plan}: one block per
     * step in execution order with its field changes, then the {@link #summary()} line.
     *
     * @return the text, ending with a line break; identical for equal plans
     */
    public String toText() {
        return PlanText.render(this);
    }

    /**
     * Renders the plan as canonical JSON (fields sorted, compact): a {@code summary} object and the ordered
     * {@code steps}, each with action, key parts, wave and field changes.
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
