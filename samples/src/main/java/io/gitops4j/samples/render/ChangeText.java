package io.gitops4j.samples.render;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.DiffFormatter;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.PlanStep;
import java.util.List;

/**
 * Renders plans and diffs for people: field paths by merge key ({@code spec.template.spec.containers[name=web]
 * .image}), the body of every object to create (secret values redacted), the errors apply would hit, and a last
 * line that says how it ends. Colours only when asked ({@link Colours}). Stateless.
 */
public final class ChangeText {
    private static final DiffFormatter FORMATTER = DiffFormatter.builder().readablePaths(true).build();

    private ChangeText() {
    }

    /**
     * Renders a plan: its steps in order, then its errors, then the summary and the last line.
     *
     * @param plan the plan
     * @param errors what apply would fail on
     * @param colours how to colour
     * @return text with {@code \n} line ends; the last line says {@code No changes.} only without errors
     */
    public static String plan(Plan plan, List<PlanError> errors, Colours colours) {
        requireNonNull(plan, "plan is null");
        StringBuilder text = new StringBuilder(steps(plan, colours));
        text.insert(text.length() - plan.summary().length() - 1, errors(errors, colours));
        if (!errors.isEmpty()) {
            text.append(colours.red("Plan failed: apply would hit " + count(errors.size(), "error") + "."))
                    .append('\n');
        } else if (!plan.hasChanges()) {
            text.append("No changes. Live state matches desired state.\n");
        }
        return text.toString();
    }

    /**
     * Renders a plan's steps in order, each with its changes (a create with its body), then the summary line.
     *
     * @param plan the plan
     * @param colours how to colour
     * @return text with {@code \n} line ends, ending with {@link Plan#summary()}
     */
    public static String steps(Plan plan, Colours colours) {
        return steps(plan, colours, true);
    }

    /**
     * Renders a plan's steps in order, each with its changes, then the summary line; a create shows its body only
     * when asked to (rendering every created object as YAML is most of the time of printing a large first apply).
     *
     * @param plan the plan
     * @param colours how to colour
     * @param createBodies whether a create shows the object's body, or only its header line
     * @return text with {@code \n} line ends, ending with {@link Plan#summary()}
     */
    public static String steps(Plan plan, Colours colours, boolean createBodies) {
        requireNonNull(plan, "plan is null");
        StringBuilder text = new StringBuilder();
        if (!plan.steps().isEmpty()) {
            text.append("gitops4j will perform the following actions, in this order:\n\n");
            int number = 1;
            for (PlanStep step : plan.steps()) {
                text.append("  # ").append(number++).append(". ").append(step.key()).append(" will be ")
                        .append(verb(step.action())).append(" (wave ").append(step.wave()).append(")\n");
                if (createBodies || !(step.diff() instanceof ResourceDiff.Create)) {
                    text.append(colours.lines(indent(resource(step.diff()), "  "))).append('\n');
                }
            }
        }
        return text.append(plan.summary()).append('\n').toString();
    }

    /**
     * Renders a diff: each resource that changes, then its errors, then the summary line.
     *
     * @param diff the diff
     * @param errors what apply would fail on
     * @param colours how to colour
     * @return text with {@code \n} line ends
     */
    public static String diff(StateDiff diff, List<PlanError> errors, Colours colours) {
        requireNonNull(diff, "diff is null");
        StringBuilder text = new StringBuilder();
        for (ResourceDiff resource : diff.resources().values()) {
            if (resource.hasChanges()) {
                text.append(colours.lines(resource(resource)));
            }
        }
        text.append(errors(errors, colours));
        int changed = diff.resources().size() - diff.count(ChangeType.NONE);
        text.append(changed).append(" to change: ").append(diff.count(ChangeType.CREATE)).append(" create, ")
                .append(diff.count(ChangeType.UPDATE)).append(" update, ").append(diff.count(ChangeType.DELETE))
                .append(" delete; ").append(diff.count(ChangeType.NONE)).append(" in sync\n");
        if (!errors.isEmpty()) {
            text.append(colours.red("Diff failed: apply would hit " + count(errors.size(), "error") + "."))
                    .append('\n');
        }
        return text.toString();
    }

    /**
     * Renders errors under a heading, one {@code ! key: message} line each.
     *
     * @param errors the errors
     * @param colours how to colour
     * @return the lines, or {@code ""} when there are none
     */
    public static String errors(List<PlanError> errors, Colours colours) {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("Errors:\n");
        errors.forEach(error -> text.append(colours.red("  ! " + error.line())).append('\n'));
        return text.append('\n').toString();
    }

    /** One resource: the formatter's lines, and the body of a create. */
    private static String resource(ResourceDiff diff) {
        String lines = FORMATTER.text(diff);
        if (!(diff instanceof ResourceDiff.Create create)) {
            return lines;
        }
        return lines + ResourceBody.yaml(create.desired(), "  + ");
    }

    private static String indent(String text, String prefix) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        text.lines().forEach(line -> out.append(prefix).append(line).append('\n'));
        return out.toString();
    }

    private static String verb(ChangeType action) {
        switch (action) {
            case CREATE:
                return "created";
            case UPDATE:
                return "updated in place";
            case DELETE:
                return "deleted";
            default:
                return "left unchanged";
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
