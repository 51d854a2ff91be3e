package io.gitops4j.testkit.assertions;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.FieldChange;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.model.ResourceKey;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link StateDiff}: in sync or not, the change type of each resource, the changed fields, and
 * that no secret value shows. Not thread-safe.
 */
public final class StateDiffAssert extends AbstractAssert<StateDiffAssert, StateDiff> {

    StateDiffAssert(StateDiff actual) {
        super(actual, StateDiffAssert.class);
    }

    /**
     * Verifies nothing differs.
     *
     * @return this assertion
     */
    public StateDiffAssert isInSync() {
        isNotNull();
        if (actual.hasChanges()) {
            failWithMessage("Expected no differences but found %s", actual.changed());
        }
        return this;
    }

    /**
     * Verifies something differs.
     *
     * @return this assertion
     */
    public StateDiffAssert hasChanges() {
        isNotNull();
        if (!actual.hasChanges()) {
            failWithMessage("Expected differences but desired and live are in sync");
        }
        return this;
    }

    /**
     * Verifies the change type of a resource.
     *
     * @param key a resource key or its text form
     * @param type the expected change type ({@link ChangeType#NONE} for in sync)
     * @return this assertion
     */
    public StateDiffAssert hasChangeType(Object key, ChangeType type) {
        ResourceDiff diff = diffOf(key);
        if (diff.type() != type) {
            failWithMessage("Expected %s to be %s but it is %s", diff.key(), type, diff);
        }
        return this;
    }

    /**
     * Verifies a field of a resource differs.
     *
     * @param key a resource key or its text form
     * @param path the field's JSON Pointer, e.g. {@code /spec/replicas}
     * @return this assertion
     */
    public StateDiffAssert hasChangeAt(Object key, String path) {
        ResourceDiff diff = diffOf(key);
        if (diff.changes().stream().noneMatch(c -> c.path().equals(path))) {
            failWithMessage("Expected a change at %s of %s but its changes are at %s", path, diff.key(),
                    paths(diff));
        }
        return this;
    }

    /**
     * Verifies exactly these fields of a resource differ.
     *
     * @param key a resource key or its text form
     * @param paths the JSON Pointers, in any order
     * @return this assertion
     */
    public StateDiffAssert hasChangesExactlyAt(Object key, String... paths) {
        ResourceDiff diff = diffOf(key);
        List<String> expected = java.util.Arrays.stream(paths).sorted().toList();
        List<String> found = paths(diff).stream().sorted().toList();
        if (!found.equals(expected)) {
            failWithMessage("Expected changes of %s exactly at %s but they are at %s", diff.key(), expected, found);
        }
        return this;
    }

    /**
     * Verifies no field change shows a value: every change that carries the value is redacted.
     *
     * @param secretValue a value that must never appear, e.g. a password from a Secret's {@code stringData}
     * @return this assertion
     */
    public StateDiffAssert doesNotReveal(String secretValue) {
        isNotNull();
        for (ResourceDiff diff : actual.resources().values()) {
            for (FieldChange change : diff.changes()) {
                if (!change.redacted() && (shows(change.oldValue(), secretValue)
                        || shows(change.newValue(), secretValue))) {
                    failWithMessage("Expected no change to reveal the secret value, but %s of %s does", change.path(),
                            diff.key());
                }
            }
        }
        return this;
    }

    private static boolean shows(com.fasterxml.jackson.databind.JsonNode value, String secret) {
        return value != null && value.toString().contains(secret);
    }

    private ResourceDiff diffOf(Object key) {
        isNotNull();
        ResourceKey resourceKey = Keys.of(key);
        ResourceDiff diff = actual.resources().get(resourceKey);
        if (diff == null) {
            failWithMessage("Expected a diff for %s but the diff covers only %s", resourceKey,
                    actual.resources().keySet());
        }
        return diff;
    }

    private static List<String> paths(ResourceDiff diff) {
        return diff.changes().stream().map(FieldChange::path).toList();
    }
}
