package io.gitops4j.samples.cli;

import io.gitops4j.plan.Plan;
import io.gitops4j.plan.PlanStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Orders a plan's steps by resource key, as {@code diff} lists them. Stateless. */
final class PlanSteps {
    private PlanSteps() {
    }

    static List<PlanStep> byKey(Plan plan) {
        List<PlanStep> steps = new ArrayList<>(plan.steps());
        steps.sort(Comparator.comparing(PlanStep::key));
        return steps;
    }
}
