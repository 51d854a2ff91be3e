package io.gitops4j.kustomize;

import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of a build so far, in order, with an index by current id for the duplicate check (rebuilt after
 * transformers rename objects). Mutable, confined to one build.
 */
final class Accumulator {
    private final List<Item> items = new ArrayList<>();
    private Map<String, Item> byId;

    List<Item> items() {
        return items;
    }

    int size() {
        return items.size();
    }

    /**
     * Appends an object.
     *
     * @param where the kustomization file and the field that adds it, for errors
     * @throws ManifestException when an object with the same id is already there
     */
    void append(Item item, Provenance where, String field) {
        Map<String, Item> index = index();
        String key = item.currentId().key();
        Item existing = index.get(key);
        if (existing != null) {
            throw new ManifestException(where, "field '" + field + "': " + item.currentId() + " from "
                    + item.origin() + " is already defined by " + existing.origin()
                    + "; a kustomization may add each object once (use a patch to change it)");
        }
        items.add(item);
        index.put(key, item);
    }

    /** Appends every object of another accumulator. */
    void appendAll(Accumulator other, Provenance where, String field) {
        for (Item item : other.items) {
            append(item, where, field);
        }
    }

    /** Replaces the object at a position. */
    void replace(Item old, Item replacement) {
        int at = indexOf(old);
        items.set(at, replacement);
        changed();
    }

    /** Removes an object. */
    void remove(Item item) {
        items.remove(indexOf(item));
        changed();
    }

    /** Returns the objects whose current or previous id is {@code id}. */
    List<Item> matchingAnyId(ResId id) {
        List<Item> result = new ArrayList<>();
        for (Item item : items) {
            if (item.hasId(id)) {
                result.add(item);
            }
        }
        return result;
    }

    /** Tells the accumulator that objects may have been renamed, so its index is stale. */
    void changed() {
        byId = null;
    }

    private int indexOf(Item item) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == item) {
                return i;
            }
        }
        throw new IllegalStateException("object " + item + " is not in this build");
    }

    private Map<String, Item> index() {
        if (byId == null) {
            Map<String, Item> index = new HashMap<>(Math.max(16, items.size() * 2));
            for (Item item : items) {
                index.putIfAbsent(item.currentId().key(), item);
            }
            byId = index;
        }
        return byId;
    }
}
