package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Fixes references by name after the whole build has renamed objects (prefixes, suffixes, hash suffixes,
 * namespaces), as Kustomize's name reference transformer does: for every referring field of the name reference
 * table (a Deployment's ConfigMap volumes, a RoleBinding's subjects, an Ingress's backend Service, ...), the object of
 * the referred kind that had that name — in a namespace the referrer can see, with the same prefixes and suffixes when
 * several did — gives its current name (and, for subjects, its namespace). Objects are indexed by previous name, so a
 * build of n objects does O(n) candidate look-ups per reference. Confined to one build.
 */
final class NameReferences {
    private final Map<String, List<Item>> byPreviousName = new HashMap<>();
    private final List<Item> items;

    private NameReferences(List<Item> items) {
        this.items = items;
        for (Item item : items) {
            Set<String> names = new HashSet<>();
            for (ResId id : item.previousIds()) {
                if (names.add(id.name())) {
                    byPreviousName.computeIfAbsent(id.name(), n -> new ArrayList<>()).add(item);
                }
            }
        }
    }

    /** Fixes every reference of the objects, in place. */
    static void fix(List<Item> items, FieldSpecTable table) {
        NameReferences references = new NameReferences(items);
        if (references.byPreviousName.isEmpty()) {
            return;
        }
        Map<Gvk, List<Reference>> byKind = new HashMap<>();
        for (Item referrer : items) {
            List<Reference> fields = byKind.computeIfAbsent(referrer.originalId().gvk(), gvk -> referencesOf(gvk,
                    table));
            if (fields.isEmpty()) {
                continue;
            }
            Visibility visible = new Visibility(referrer);
            for (Reference reference : fields) {
                references.update(referrer, reference.spec(), reference.target(), visible);
            }
        }
    }

    /** One referring field of a kind and the kind it refers to. */
    private record Reference(FieldSpec spec, Gvk target) {
    }

    private static List<Reference> referencesOf(Gvk referrer, FieldSpecTable table) {
        List<Reference> result = new ArrayList<>();
        for (FieldSpecTable.BackReference reference : table.nameReferences()) {
            for (FieldSpec spec : reference.referrers()) {
                if (referrer.selectedBy(spec.gvk())) {
                    result.add(new Reference(new FieldSpec(Gvk.ANY, spec.path(), false), reference.target()));
                }
            }
        }
        return List.copyOf(result);
    }

    private void update(Item referrer, FieldSpec here, Gvk target, Visibility visible) {
        FieldSpec spec = here;
        try {
            FieldWalker.walk(referrer.body(), here, FieldWalker.Leaf.NONE,
                    slot -> set(slot, referrer, spec, target, visible));
        } catch (FieldWalker.WalkException e) {
            throw new ManifestException(referrer.origin(), "cannot update the name reference at '" + spec.path()
                    + "' of " + referrer + ": " + e.getMessage());
        }
    }

    private void set(Slot slot, Item referrer, FieldSpec spec, Gvk target, Visibility visible) {
        JsonNode value = slot.get();
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isObject()) {
            setMapping((ObjectNode) value, referrer, spec, target, visible);
        } else if (value.isArray()) {
            ArrayNode array = (ArrayNode) value;
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isObject()) {
                    setMapping((ObjectNode) element, referrer, spec, target, visible);
                } else if (element.isValueNode() && !element.isNull()) {
                    setScalar(Slot.element(array, i), referrer, spec, target, visible);
                } else if (!element.isNull()) {
                    throw new ManifestException(referrer.origin(), "'" + spec.path() + "' of " + referrer
                            + " must hold names or mappings with a name");
                }
            }
        } else {
            setScalar(slot, referrer, spec, target, visible);
        }
    }

    private void setScalar(Slot slot, Item referrer, FieldSpec spec, Gvk target, Visibility visible) {
        String old = slot.text();
        List<Item> candidates = new ArrayList<>();
        for (Item item : byPreviousName.getOrDefault(old, List.of())) {
            if (visible.test(item)) {
                candidates.add(item);
            }
        }
        Item referral = select(old, candidates, referrer, spec, target, false);
        if (referral != null && !referral.name().equals(old)) {
            slot.set(JsonNodeFactory.instance.textNode(referral.name()));
        }
    }

    private void setMapping(ObjectNode node, Item referrer, FieldSpec spec, Gvk target, Visibility visible) {
        JsonNode nameNode = node.get("name");
        if (nameNode == null) {
            throw new ManifestException(referrer.origin(), "'" + spec.path() + "' of " + referrer
                    + " has an entry without a 'name'");
        }
        String old = nameNode.asText();
        List<Item> named = new ArrayList<>();
        for (Item item : byPreviousName.getOrDefault(old, List.of())) {
            if (visible.test(item)) {
                named.add(item);
            }
        }
        JsonNode namespaceNode = node.get("namespace");
        List<Item> candidates = named;
        if (namespaceNode != null) {
            String namespace = namespaceNode.asText();
            boolean knownOriginal = false;
            for (Item item : items) {
                if (visible.test(item) && namespace.equals(item.originalId().effectiveNamespace())) {
                    knownOriginal = true;
                    break;
                }
            }
            candidates = new ArrayList<>();
            for (Item item : named) {
                String ns = knownOriginal ? item.originalId().effectiveNamespace()
                        : item.currentId().effectiveNamespace();
                if (namespace.equals(ns)) {
                    candidates.add(item);
                }
            }
        }
        Item referral = select(old, candidates, referrer, spec, target, true);
        if (referral == null || (referral.name().equals(old) && referral.namespace().isEmpty())) {
            return;
        }
        node.put("name", referral.name());
        if (!referral.namespace().isEmpty()) {
            node.put("namespace", referral.namespace());
        }
    }

    private static Item select(String old, List<Item> named, Item referrer, FieldSpec spec, Gvk target,
            boolean compareNamespaces) {
        Predicate<Item> ofKind = item -> item.previousIds().stream().anyMatch(id -> id.gvk().selectedBy(target));
        Predicate<Item> roleRef = roleRefFilter(referrer, spec);
        ResId referrerId = referrer.currentId();
        Predicate<Item> sameNamespace = item -> referrerId.clusterScoped() || item.currentId().clusterScoped()
                || item.kind().equals("ServiceAccount") || referrerId.sameNamespace(item.currentId());
        List<Item> candidates = new ArrayList<>();
        for (Item item : named) {
            if (item.hadName(old) && ofKind.test(item) && roleRef.test(item) && sameNamespace.test(item)) {
                candidates.add(item);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        candidates.removeIf(item -> !affixesEqual(item, referrer, true));
        if (candidates.size() > 1) {
            candidates.removeIf(item -> !affixesEqual(item, referrer, false));
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            return null;
        }
        Item first = candidates.get(0);
        boolean identical = candidates.stream().allMatch(item -> item.name().equals(first.name())
                && (!compareNamespaces || item.namespace().equals(first.namespace())));
        if (identical) {
            return first;
        }
        throw new ManifestException(referrer.origin(), "the name '" + old + "' at '" + spec.path() + "' of "
                + referrer + " could refer to several objects: " + candidates);
    }

    private static Predicate<Item> roleRefFilter(Item referrer, FieldSpec spec) {
        if (!spec.path().endsWith("roleRef/name")) {
            return item -> true;
        }
        JsonNode roleRef = referrer.body().path("roleRef");
        JsonNode group = roleRef.get("apiGroup");
        JsonNode kind = roleRef.get("kind");
        if (group == null || kind == null) {
            return item -> true;
        }
        Gvk wanted = new Gvk(group.asText(), "", kind.asText());
        return item -> item.previousIds().stream().anyMatch(id -> id.gvk().selectedBy(wanted));
    }

    private static boolean affixesEqual(Item a, Item b, boolean allowEmpty) {
        if (allowEmpty) {
            boolean prefixes = a.prefixes().isEmpty() || b.prefixes().isEmpty()
                    || sameEnding(a.prefixes(), b.prefixes());
            boolean suffixes = a.suffixes().isEmpty() || b.suffixes().isEmpty()
                    || sameEnding(a.suffixes(), b.suffixes());
            return prefixes && suffixes;
        }
        return sameEnding(a.prefixes(), b.prefixes()) && sameEnding(a.suffixes(), b.suffixes());
    }

    private static boolean sameEnding(List<String> a, List<String> b) {
        List<String> shortest = a.size() <= b.size() ? a : b;
        List<String> longest = a.size() <= b.size() ? b : a;
        int diff = longest.size() - shortest.size();
        if (shortest.isEmpty()) {
            return diff == 0;
        }
        for (int i = shortest.size() - 1; i >= 0; i--) {
            if (!longest.get(i + diff).equals(shortest.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Which objects a referrer can refer to: by namespace, as Kustomize's candidate subset. */
    private static final class Visibility implements Predicate<Item> {
        private final ResId referrer;
        private final Set<String> subjectNamespaces = new HashSet<>();

        Visibility(Item item) {
            this.referrer = item.currentId();
            if (item.kind().equals("RoleBinding")) {
                for (JsonNode subject : item.body().path("subjects")) {
                    if ("ServiceAccount".equals(subject.path("kind").asText(null))
                            && subject.path("namespace").isTextual()) {
                        subjectNamespaces.add(subject.path("namespace").asText());
                    }
                }
            }
        }

        @Override
        public boolean test(Item item) {
            if (referrer.clusterScoped()) {
                return true;
            }
            ResId id = item.currentId();
            return id.clusterScoped() || id.sameNamespace(referrer) || subjectNamespaces.contains(item.namespace());
        }
    }
}
