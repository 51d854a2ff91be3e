package io.gitops4j.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.FieldChange;
import io.gitops4j.model.CanonicalJson;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a {@link Plan} as terraform-like text. Stateless. */
final class PlanText {
    private static final String REDACTED = "(sensitive value)";

    private PlanText() {
    }

    static String render(Plan plan) {
        StringBuilder text = new StringBuilder();
        List<PlanStep> steps = plan.steps();
        if (steps.isEmpty()) {
            text.append("No changes. Live state matches desired state.\n\n");
        } else {
            text.append("gitops4j will perform the following actions, in this order:\n\n");
            int number = 1;
            for (PlanStep step : steps) {
                appendStep(text, number++, step);
            }
        }
        appendHooks(text, plan.hooks());
        return text.append(plan.summary()).append('\n').toString();
    }

    private static void appendHooks(StringBuilder text, List<HookStep> hooks) {
        if (hooks.isEmpty()) {
            return;
        }
        text.append("Hooks, run in this order when the plan syncs something (phase, wave, kind, name):\n\n");
        int number = 1;
        for (HookStep hook : hooks) {
            text.append("  # hook ").append(number++).append(". ").append(hook.phase()).append(" (wave ")
                    .append(hook.wave()).append(") ").append(hook.key());
            if (hook.runs()) {
                text.append(", delete policy ").append(hook.deletePolicies().stream().map(HookDeletePolicy::argoName)
                        .collect(Collectors.joining(",")));
            }
            text.append('\n');
            if (!hook.note().isEmpty()) {
                text.append("      warning: ").append(hook.note()).append('\n');
            }
        }
        text.append('\n');
    }

    private static void appendStep(StringBuilder text, int number, PlanStep step) {
        text.append("  # ").append(number).append(". ").append(step.key()).append(" will be ")
                .append(verb(step.action())).append(" (wave ").append(step.wave()).append(")\n");
        text.append("  ").append(symbol(step.action())).append(' ').append(step.key()).append('\n');
        for (FieldChange change : step.diff().changes()) {
            text.append("      ").append(symbol(change.operation())).append(' ').append(change.path()).append(": ");
            switch (change.operation()) {
                case ADD -> text.append(value(change, change.newValue()));
                case REMOVE -> text.append(value(change, change.oldValue())).append(" -> (removed)");
                case REPLACE -> text.append(value(change, change.oldValue())).append(" -> ")
                        .append(value(change, change.newValue()));
            }
            text.append('\n');
        }
        text.append('\n');
    }

    private static String value(FieldChange change, JsonNode value) {
        if (change.redacted()) {
            return REDACTED;
        }
        return value == null ? "null" : CanonicalJson.toString(value);
    }

    private static String verb(ChangeType action) {
        return switch (action) {
            case CREATE -> "created";
            case UPDATE -> "updated in place";
            case DELETE -> "deleted";
            case NONE -> "left unchanged";
        };
    }

    private static char symbol(ChangeType action) {
        return switch (action) {
            case CREATE -> '+';
            case UPDATE -> '~';
            case DELETE -> '-';
            case NONE -> ' ';
        };
    }

    private static char symbol(FieldChange.Operation operation) {
        return switch (operation) {
            case ADD -> '+';
            case REMOVE -> '-';
            case REPLACE -> '~';
        };
    }
}
