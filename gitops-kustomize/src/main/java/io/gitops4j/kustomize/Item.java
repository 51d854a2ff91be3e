package io.gitops4j.kustomize;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.Provenance;
import java.util.ArrayList;
import java.util.List;

/**
 * One object during a build: its body (changed in place by transformers) and what Kustomize tracks beside it in
 * build annotations: the ids it had before renames, the prefixes and suffixes added to its name, whether it gets a
 * content hash suffix. Mutable, confined to one build.
 */
final class Item {
    private ObjectNode body;
    private final Provenance origin;
    /* Previous ids as (kind, name, effective namespace); their group and version are the current ones. */
    private final List<String[]> previous = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<String> suffixes = new ArrayList<>();
    private boolean needsHash;

    Item(ObjectNode body, Provenance origin) {
        this.body = requireNonNull(body, "body is null");
        this.origin = requireNonNull(origin, "origin is null");
    }

    ObjectNode body() {
        return body;
    }

    void body(ObjectNode value) {
        this.body = requireNonNull(value, "body is null");
    }

    Provenance origin() {
        return origin;
    }

    String apiVersion() {
        return body.path("apiVersion").asText("");
    }

    String kind() {
        return body.path("kind").asText("");
    }

    String name() {
        return body.path("metadata").path("name").asText("");
    }

    String namespace() {
        JsonNode namespace = body.path("metadata").path("namespace");
        return namespace.isTextual() ? namespace.asText() : "";
    }

    Gvk gvk() {
        return Gvk.of(apiVersion(), kind());
    }

    ResId currentId() {
        return new ResId(gvk(), name(), namespace());
    }

    /** Returns the ids this object had before, oldest first (not the current one). */
    List<ResId> previousIds() {
        Gvk gvk = gvk();
        List<ResId> ids = new ArrayList<>(previous.size());
        for (String[] id : previous) {
            ids.add(new ResId(new Gvk(gvk.group(), gvk.version(), id[0]), id[1], id[2]));
        }
        return ids;
    }

    /** Returns the original id: the oldest previous one, or the current one. */
    ResId originalId() {
        if (previous.isEmpty()) {
            return currentId();
        }
        String[] id = previous.get(0);
        Gvk gvk = gvk();
        return new ResId(new Gvk(gvk.group(), gvk.version(), id[0]), id[1], id[2]);
    }

    /** Tells whether any previous name is {@code name}. */
    boolean hadName(String name) {
        for (String[] id : previous) {
            if (id[1].equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Tells whether the current or a previous id is {@link ResId#sameAs} {@code id}. */
    boolean hasId(ResId id) {
        if (currentId().sameAs(id)) {
            return true;
        }
        for (ResId old : previousIds()) {
            if (old.sameAs(id)) {
                return true;
            }
        }
        return false;
    }

    /** Records the current id as a previous one, before a rename or a namespace change. */
    void storePreviousId() {
        ResId id = currentId();
        previous.add(new String[] {id.gvk().kind(), id.name(), id.effectiveNamespace()});
    }

    void addPrefix(String prefix) {
        if (!prefix.isEmpty()) {
            prefixes.add(prefix);
        }
    }

    void addSuffix(String suffix) {
        if (!suffix.isEmpty()) {
            suffixes.add(suffix);
        }
    }

    List<String> prefixes() {
        return prefixes;
    }

    List<String> suffixes() {
        return suffixes;
    }

    boolean needsHash() {
        return needsHash;
    }

    void needsHash(boolean value) {
        this.needsHash = value;
    }

    /** Takes over the build-tracking state of the object this one replaces (a generator's merge or replace). */
    void inheritTracking(Item old) {
        previous.clear();
        previous.addAll(old.previous);
        prefixes.clear();
        prefixes.addAll(old.prefixes);
        suffixes.clear();
        suffixes.addAll(old.suffixes);
        needsHash = needsHash && old.needsHash;
    }

    @Override
    public String toString() {
        return currentId() + " from " + origin;
    }
}
