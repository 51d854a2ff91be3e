package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps {@code metadata.managedFields} as the real server does: updates record an {@code Update} entry that
 * takes over the fields they changed; server-side apply merges the applied configuration, detects conflicts
 * with other managers, removes fields the manager no longer applies, and records an {@code Apply} entry.
 */
public final class FieldManager {

    /**
     * Records a non-apply write (create, update, patch) of {@code after} over {@code before}.
     *
     * @param before the stored object, or {@code null} on create
     * @param after the object about to be stored; its managedFields are replaced
     */
    public void recordUpdate(ObjectNode before, ObjectNode after, FieldOwner owner) {
        FieldSet newFields = FieldSet.of(after, owner.builtin(), owner.scope());
        FieldSet oldFields = before == null ? FieldSet.empty() : FieldSet.of(before, owner.builtin(), owner.scope());
        Set<List<String>> changed = new LinkedHashSet<>();
        for (List<String> path : newFields.paths()) {
            if (before == null || !Objects.equals(FieldPaths.valueAt(before, path), FieldPaths.valueAt(after, path))) {
                changed.add(path);
            }
        }
        Set<List<String>> removed = new LinkedHashSet<>(oldFields.minus(newFields.paths()).paths());
        List<ManagedEntry> entries = new ArrayList<>();
        ManagedEntry mine = null;
        for (ManagedEntry entry : ManagedEntry.read(before)) {
            if (entry.sameOwner(owner.manager(), ManagedEntry.UPDATE, owner.subresource())) {
                mine = entry;
                continue;
            }
            entries.add(entry.withFields(entry.fields().minus(changed).minus(removed)));
        }
        FieldSet mineFields = (mine == null ? FieldSet.empty() : mine.fields()).minus(removed).plus(changed);
        if (!changed.isEmpty() || mine != null) {
            entries.add(new ManagedEntry(owner.manager(), ManagedEntry.UPDATE, owner.apiVersion(),
                    changed.isEmpty() ? mine.time() : owner.time(), owner.subresource(), mineFields));
        }
        ManagedEntry.write(after, entries);
    }

    /**
     * Applies a configuration server-side.
     *
     * @param live the stored object, or {@code null} when the apply creates it
     * @param base what to merge into: the live object, or a skeleton with apiVersion, kind and metadata
     * @param config the applied configuration
     * @param force whether to take over fields other managers own with other values
     * @return the merged object with its managedFields updated
     * @throws ApiError 409 naming the other managers and fields on a conflict without {@code force}
     */
    public ObjectNode apply(ObjectNode live, ObjectNode base, ObjectNode config, boolean force, FieldOwner owner,
            String name) {
        ObjectNode cleanConfig = withoutManagedFields(config);
        FieldSet applied = FieldSet.of(cleanConfig, owner.builtin(), owner.scope());
        List<ManagedEntry> entries = ManagedEntry.read(live);
        FieldSet previous = FieldSet.empty();
        List<String[]> conflicts = new ArrayList<>();
        Set<List<String>> takenOver = new LinkedHashSet<>();
        for (ManagedEntry entry : entries) {
            if (entry.sameOwner(owner.manager(), ManagedEntry.APPLY, owner.subresource())) {
                previous = entry.fields();
                continue;
            }
            if (entry.manager().equals(owner.manager())) {
                continue;
            }
            for (List<String> path : applied.paths()) {
                if (entry.fields().contains(path) && !isItem(path) && live != null
                        && !Objects.equals(FieldPaths.valueAt(live, path), FieldPaths.valueAt(cleanConfig, path))) {
                    conflicts.add(new String[] {entry.manager(), FieldSet.display(path), entry.apiVersion()});
                    takenOver.add(path);
                }
            }
        }
        if (!conflicts.isEmpty() && !force) {
            throw ApiError.applyConflicts(owner.type().group(), owner.type().plural(), name, conflicts);
        }
        ObjectNode merged = new StrategicMerge(owner.builtin()).apply(base, cleanConfig);
        Set<List<String>> removed = removeUnapplied(merged, previous.minus(applied.paths()), entries, owner);
        List<ManagedEntry> result = new ArrayList<>();
        for (ManagedEntry entry : entries) {
            if (!entry.sameOwner(owner.manager(), ManagedEntry.APPLY, owner.subresource())) {
                result.add(entry.withFields(entry.fields().minus(takenOver).minus(removed)));
            }
        }
        result.add(new ManagedEntry(owner.manager(), ManagedEntry.APPLY, owner.apiVersion(), owner.time(),
                owner.subresource(), applied));
        ManagedEntry.write(merged, result);
        return merged;
    }

    /*
     * The configuration without metadata.managedFields, sharing the rest with it rather than copying a large body: it
     * is only read, and the merge copies what it takes from it.
     */
    private static ObjectNode withoutManagedFields(ObjectNode config) {
        ObjectNode clean = Json.object();
        config.properties().forEach(e -> clean.set(e.getKey(), e.getValue()));
        ObjectNode meta = clean.putObject("metadata");
        if (config.get("metadata") instanceof ObjectNode configMeta) {
            configMeta.properties().forEach(e -> meta.set(e.getKey(), e.getValue()));
            meta.remove("managedFields");
        }
        return clean;
    }

    private static Set<List<String>> removeUnapplied(ObjectNode merged, FieldSet dropped, List<ManagedEntry> entries,
            FieldOwner owner) {
        Set<List<String>> removed = new LinkedHashSet<>();
        List<List<String>> candidates = new ArrayList<>(dropped.paths());
        candidates.sort(Comparator.comparingInt(List::size));
        for (List<String> path : candidates) {
            boolean ownedByOther = entries.stream()
                    .filter(e -> !e.sameOwner(owner.manager(), ManagedEntry.APPLY, owner.subresource()))
                    .anyMatch(e -> e.fields().containsPrefix(path));
            boolean underRemoved = removed.stream().anyMatch(r -> path.size() > r.size()
                    && path.subList(0, r.size()).equals(r));
            if (!ownedByOther && (underRemoved || FieldPaths.remove(merged, path))) {
                removed.add(path);
            }
        }
        return removed;
    }

    private static boolean isItem(List<String> path) {
        return path.get(path.size() - 1).startsWith("k:");
    }

}
