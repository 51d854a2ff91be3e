package io.gitops4j.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One three-way comparison of a desired, a live and an optional last-applied tree of one resource.
 *
 * <p>Walks only what desired declares (and, for removals, what last-applied declared), keeps its position in a
 * {@link PathStack} and builds a JSON Pointer only when it reports a change. A desired subtree exactly equal to
 * the live one ({@link Trees#equal}, which fails fast on maps of different sizes) has no changes under any rule
 * here, so it is skipped without a walk. The rules are those documented on
 * {@link DefaultStateDiffer}. Not thread-safe: create one per resource diff.
 */
final class Comparison {
    private final PathPattern[] ignored;
    private final PathPattern[] sensitive;
    private final ListKeys listKeys;
    private final PathStack path = new PathStack();
    private List<FieldChange> changes;

    Comparison(PathPattern[] ignored, PathPattern[] sensitive, ListKeys listKeys) {
        this.ignored = ignored;
        this.sensitive = sensitive;
        this.listKeys = listKeys;
    }

    /**
     * Compares two resource bodies.
     *
     * @param lastApplied the last applied body, or {@code null}
     * @return the changes, sorted by path; empty when in sync
     */
    List<FieldChange> run(JsonNode desired, JsonNode live, JsonNode lastApplied) {
        compareObject(desired, live, lastApplied);
        if (changes == null) {
            return List.of();
        }
        changes.sort((a, b) -> JsonPointers.ORDER.compare(a.path(), b.path()));
        return changes;
    }

    private void compareObject(JsonNode desired, JsonNode live, JsonNode lastApplied) {
        for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            path.push(name);
            if (!isSkipped()) {
                compareValue(field.getValue(), live.get(name), childOf(lastApplied, name));
            }
            path.pop();
        }
        if (lastApplied instanceof ObjectNode && !lastApplied.isEmpty()) {
            removeUndeclared(desired, live, lastApplied);
        }
    }

    private void removeUndeclared(JsonNode desired, JsonNode live, JsonNode lastApplied) {
        for (Iterator<Map.Entry<String, JsonNode>> it = lastApplied.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode liveValue = live.get(name);
            if (desired.has(name) || Scalars.isAbsent(liveValue)) {
                continue;
            }
            path.push(name);
            if (!isSkipped()) {
                remove(field.getValue(), liveValue);
            }
            path.pop();
        }
    }

    private void compareValue(JsonNode desired, JsonNode live, JsonNode lastApplied) {
        if (Scalars.isAbsent(live)) {
            if (!Scalars.isEmptyValue(desired) && !(Scalars.isZero(desired) && !FreeFormMaps.isEntry(path))) {
                report(FieldChange.Operation.ADD, null, desired);
            }
        } else if (desired instanceof ContainerNode && Trees.equal(desired, live)) {
            return;
        } else if (desired instanceof ObjectNode) {
            if (live instanceof ObjectNode) {
                compareObject(desired, live, lastApplied);
            } else {
                report(FieldChange.Operation.REPLACE, live, desired);
            }
        } else if (desired instanceof ArrayNode) {
            if (live instanceof ArrayNode) {
                compareArray(desired, live, lastApplied);
            } else {
                report(FieldChange.Operation.REPLACE, live, desired);
            }
        } else if (desired instanceof NullNode) {
            report(FieldChange.Operation.REMOVE, live, null);
        } else if (!Scalars.equal(desired, live)
                && !(QuantityFields.isQuantity(path) && Quantity.sameQuantity(desired, live))) {
            report(FieldChange.Operation.REPLACE, live, desired);
        }
    }

    private void compareArray(JsonNode desired, JsonNode live, JsonNode lastApplied) {
        ListKey key = listKeys.select(path.nameFromTop(0), desired, live);
        if (key != null) {
            compareKeyed(key, desired, live, lastApplied != null && lastApplied.isArray() ? lastApplied : null);
        } else if (desired.size() != live.size()) {
            report(FieldChange.Operation.REPLACE, live, desired);
        } else {
            boolean alignedLastApplied = lastApplied != null && lastApplied.isArray()
                    && lastApplied.size() == desired.size();
            for (int i = 0, n = desired.size(); i < n; i++) {
                path.push(i);
                if (!isSkipped()) {
                    compareValue(desired.get(i), live.get(i), alignedLastApplied ? lastApplied.get(i) : null);
                }
                path.pop();
            }
        }
    }

    private void compareKeyed(ListKey key, JsonNode desired, JsonNode live, JsonNode lastApplied) {
        KeyIndex liveIndex = new KeyIndex(key, live, desired.size());
        KeyIndex appliedIndex = lastApplied == null ? null : new KeyIndex(key, lastApplied, desired.size());
        for (int i = 0, n = desired.size(); i < n; i++) {
            JsonNode item = desired.get(i);
            JsonNode match = liveIndex.get(item);
            path.push(i);
            if (!isSkipped()) {
                if (match == null) {
                    report(FieldChange.Operation.ADD, null, item);
                } else {
                    compareValue(item, match, appliedIndex == null ? null : appliedIndex.get(item));
                }
            }
            path.pop();
        }
        if (appliedIndex != null && !lastApplied.isEmpty()) {
            removeKeyed(key, new KeyIndex(key, desired, live.size()), live, appliedIndex);
        }
    }

    /** Reports a removal of each live item that last-applied declared and desired (when given) does not. */
    private void removeKeyed(ListKey key, KeyIndex desiredIndex, JsonNode live, KeyIndex appliedIndex) {
        for (int j = 0, n = live.size(); j < n; j++) {
            JsonNode item = live.get(j);
            if ((desiredIndex == null || desiredIndex.find(item) < 0) && appliedIndex.find(item) >= 0) {
                path.push(j);
                if (!isSkipped()) {
                    report(FieldChange.Operation.REMOVE, item, null);
                }
                path.pop();
            }
        }
    }

    /**
     * Reports the removal of what last-applied declared under the path and live still has: leaf by leaf in maps,
     * item by item in keyed lists, else the whole live value.
     */
    private void remove(JsonNode lastApplied, JsonNode live) {
        if (lastApplied instanceof ArrayNode && live instanceof ArrayNode) {
            ListKey key = listKeys.select(path.nameFromTop(0), lastApplied, live);
            if (key != null) {
                removeKeyed(key, null, live, new KeyIndex(key, lastApplied, live.size()));
                return;
            }
        }
        if (!(lastApplied instanceof ObjectNode) || lastApplied.isEmpty() || !(live instanceof ObjectNode)) {
            report(FieldChange.Operation.REMOVE, live, null);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = lastApplied.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode liveValue = live.get(field.getKey());
            if (Scalars.isAbsent(liveValue)) {
                continue;
            }
            path.push(field.getKey());
            if (!isSkipped()) {
                remove(field.getValue(), liveValue);
            }
            path.pop();
        }
    }

    private static JsonNode childOf(JsonNode lastApplied, String name) {
        return lastApplied == null ? null : lastApplied.get(name);
    }

    private boolean isSkipped() {
        if (ServerFields.isServerField(path)) {
            return true;
        }
        for (PathPattern pattern : ignored) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private void report(FieldChange.Operation operation, JsonNode oldValue, JsonNode newValue) {
        if (ignored.length > 0 && (oldValue instanceof ContainerNode || newValue instanceof ContainerNode)) {
            oldValue = withoutIgnored(oldValue);
            newValue = withoutIgnored(newValue);
            if (operation == FieldChange.Operation.REPLACE && oldValue.equals(newValue)) {
                return;
            }
        }
        if (changes == null) {
            changes = new ArrayList<>(4);
        }
        String pointer = path.pointer();
        if (isSensitive()) {
            changes.add(new FieldChange(pointer, operation, oldValue == null ? null : FieldChange.REDACTED,
                    newValue == null ? null : FieldChange.REDACTED, true));
        } else {
            changes.add(new FieldChange(pointer, operation, oldValue, newValue, false));
        }
    }

    /** Returns the value without the fields ignore rules name inside it (a copy when there are any). */
    private JsonNode withoutIgnored(JsonNode value) {
        if (!(value instanceof ContainerNode)) {
            return value;
        }
        JsonNode copy = null;
        for (PathPattern pattern : ignored) {
            if (pattern.reachesBelow(path)) {
                copy = copy == null ? value.deepCopy() : copy;
                pattern.removeFrom(copy, path.depth());
            }
        }
        return copy == null ? value : copy;
    }

    private boolean isSensitive() {
        for (PathPattern pattern : sensitive) {
            if (pattern.overlaps(path)) {
                return true;
            }
        }
        return false;
    }
}
