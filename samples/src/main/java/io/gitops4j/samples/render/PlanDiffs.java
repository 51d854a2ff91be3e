package io.gitops4j.samples.render;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.DiffFormatter;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;

/** Turns a plan back into the field-level diff it was made from, for {@code diff}-style output. */
public final class PlanDiffs {

    private PlanDiffs() {
    }

    /**
     * Returns the diff of every resource the plan covers: changes and in-sync resources.
     *
     * @param plan the plan
     * @return the state diff, sorted by key
     */
    public static StateDiff of(Plan plan) {
        requireNonNull(plan, "plan is null");
        List<PlanStep> all = new ArrayList<>(plan.allApplies());
        all.addAll(plan.deletes());
        return StateDiff.of(all.stream().map(PlanStep::diff).toList());
    }

    /**
     * Renders the plan's field-level diff as text (secret values redacted).
     *
     * @param plan the plan
     * @return the {@link DiffFormatter} text: changed resources, then a summary line
     */
    public static String text(Plan plan) {
        return DiffFormatter.defaults().text(of(plan));
    }
}
