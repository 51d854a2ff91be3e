package io.gitops4j.testkit.assertions;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.FieldChange;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.PlanStep;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Plan}: whether it changes anything, what it does to each resource, in which order, and
 * which fields change. Failure messages show the plan's text (secret values redacted). Not thread-safe.
 */
public final class PlanAssert extends AbstractAssert<PlanAssert, Plan> {

    PlanAssert(Plan actual) {
        super(actual, PlanAssert.class);
    }

    /**
     * Verifies the plan changes nothing.
     *
     * @return this assertion
     */
    public PlanAssert hasNoChanges() {
        isNotNull();
        if (actual.hasChanges()) {
            failWithMessage("Expected no changes but the plan is:%n%s", actual.toText());
        }
        return this;
    }

    /**
     * Verifies the plan changes something.
     *
     * @return this assertion
     */
    public PlanAssert hasChanges() {
        isNotNull();
        if (!actual.hasChanges()) {
            failWithMessage("Expected changes but the plan has none:%n%s", actual.toText());
        }
        return this;
    }

    /**
     * Verifies the plan creates every resource.
     *
     * @param keys resource keys or their text form
     * @return this assertion
     */
    public PlanAssert creates(Object... keys) {
        return hasAction(ChangeType.CREATE, keys);
    }

    /**
     * Verifies the plan updates every resource.
     *
     * @param keys resource keys or their text form
     * @return this assertion
     */
    public PlanAssert updates(Object... keys) {
        return hasAction(ChangeType.UPDATE, keys);
    }

    /**
     * Verifies the plan deletes every resource.
     *
     * @param keys resource keys or their text form
     * @return this assertion
     */
    public PlanAssert deletes(Object... keys) {
        return hasAction(ChangeType.DELETE, keys);
    }

    /**
     * Verifies the plan leaves every resource as it is (declared and in sync).
     *
     * @param keys resource keys or their text form
     * @return this assertion
     */
    public PlanAssert leavesUnchanged(Object... keys) {
        return hasAction(ChangeType.NONE, keys);
    }

    /**
     * Verifies the plan deletes nothing.
     *
     * @return this assertion
     */
    public PlanAssert hasNoDeletes() {
        isNotNull();
        if (!actual.deletes().isEmpty()) {
            failWithMessage("Expected no deletes but the plan is:%n%s", actual.toText());
        }
        return this;
    }

    /**
     * Verifies the plan's changing steps are exactly these, in this order.
     *
     * @param keys resource keys or their text form, in execution order
     * @return this assertion
     */
    public PlanAssert hasStepsInOrder(Object... keys) {
        isNotNull();
        List<ResourceKey> expected = Arrays.stream(keys).map(Keys::of).toList();
        List<ResourceKey> order = actual.steps().stream().map(PlanStep::key).toList();
        if (!order.equals(expected)) {
            failWithMessage("Expected the steps %s in this order but the plan has %s", expected, order);
        }
        return this;
    }

    /**
     * Verifies the plan changes a field of a resource.
     *
     * @param key a resource key or its text form
     * @param path the JSON Pointer of the field, e.g. {@code /spec/replicas}
     * @return this assertion
     */
    public PlanAssert changesField(Object key, String path) {
        isNotNull();
        ResourceKey resourceKey = Keys.of(key);
        Optional<PlanStep> step = find(resourceKey);
        List<String> paths = step.map(s -> s.diff().changes().stream().map(FieldChange::path).toList())
                .orElse(List.of());
        if (!paths.contains(path)) {
            failWithMessage("Expected the plan to change %s of %s but it changes %s", path, resourceKey,
                    step.isPresent() ? paths : "nothing of it");
        }
        return this;
    }

    /**
     * Verifies how many resources the plan creates, updates and deletes.
     *
     * @param creates expected creates
     * @param updates expected updates
     * @param deletes expected deletes
     * @return this assertion
     */
    public PlanAssert hasCounts(int creates, int updates, int deletes) {
        isNotNull();
        if (actual.count(ChangeType.CREATE) != creates || actual.count(ChangeType.UPDATE) != updates
                || actual.count(ChangeType.DELETE) != deletes) {
            failWithMessage("Expected %d to create, %d to update, %d to delete but: %s", creates, updates, deletes,
                    actual.summary());
        }
        return this;
    }

    private PlanAssert hasAction(ChangeType action, Object... keys) {
        isNotNull();
        if (keys.length == 0) {
            throw new IllegalArgumentException("name at least one resource key");
        }
        for (Object key : keys) {
            ResourceKey resourceKey = Keys.of(key);
            Optional<PlanStep> step = find(resourceKey);
            if (step.isEmpty() || step.get().action() != action) {
                failWithMessage("Expected the plan to %s %s but %s%nPlan:%n%s", verb(action), resourceKey,
                        step.map(s -> "it will " + verb(s.action()) + " it").orElse("it does not mention it"),
                        actual.toText());
            }
        }
        return this;
    }

    private Optional<PlanStep> find(ResourceKey key) {
        return actual.allApplies().stream().filter(s -> s.key().equals(key)).findFirst()
                .or(() -> actual.deletes().stream().filter(s -> s.key().equals(key)).findFirst());
    }

    private static String verb(ChangeType action) {
        return switch (action) {
            case CREATE -> "create";
            case UPDATE -> "update";
            case DELETE -> "delete";
            case NONE -> "leave unchanged";
        };
    }
}
