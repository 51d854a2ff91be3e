package io.gitops4j.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One three-way comparison of a desired, a live and an optional last-applied tree of one resource.
 *
 * <p>Walks only what desired declares (and, for removals, what last-applied declared), keeps its position in a
 * {@link PathStack} and builds a JSON Pointer only when it reports a change. The rules are those documented on
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
        if (lastApplied != null && lastApplied.isObject() && !lastApplied.isEmpty()) {
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
            if (!Scalars.isEmptyValue(desired)) {
                report(FieldChange.Operation.ADD, null, desired);
            }
        } else if (desired.isObject()) {
            if (live.isObject()) {
                compareObject(desired, live, lastApplied);
            } else {
                report(FieldChange.Operation.REPLACE, live, desired);
            }
        } else if (desired.isArray()) {
            if (live.isArray()) {
                compareArray(desired, live, lastApplied);
            } else {
                report(FieldChange.Operation.REPLACE, live, desired);
            }
        } else if (desired.isNull()) {
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
        for (int i = 0, n = desired.size(); i < n; i++) {
            JsonNode item = desired.get(i);
            int match = key.find(live, item);
            path.push(i);
            if (!isSkipped()) {
                if (match < 0) {
                    report(FieldChange.Operation.ADD, null, item);
                } else {
                    compareValue(item, live.get(match), lastAppliedItem(key, lastApplied, item));
                }
            }
            path.pop();
        }
        if (lastApplied == null || lastApplied.isEmpty()) {
            return;
        }
        for (int j = 0, n = live.size(); j < n; j++) {
            JsonNode item = live.get(j);
            if (key.find(desired, item) < 0 && item.isObject() && key.find(lastApplied, item) >= 0) {
                path.push(j);
                if (!isSkipped()) {
                    report(FieldChange.Operation.REMOVE, item, null);
                }
                path.pop();
            }
        }
    }

    private static JsonNode lastAppliedItem(ListKey key, JsonNode lastApplied, JsonNode item) {
        if (lastApplied == null) {
            return null;
        }
        int index = key.find(lastApplied, item);
        return index < 0 ? null : lastApplied.get(index);
    }

    /** Reports the removal of what last-applied declared under the path and live still has. */
    private void remove(JsonNode lastApplied, JsonNode live) {
        if (!lastApplied.isObject() || lastApplied.isEmpty() || !live.isObject()) {
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

    private boolean isSensitive() {
        for (PathPattern pattern : sensitive) {
            if (pattern.overlaps(path)) {
                return true;
            }
        }
        return false;
    }
}
