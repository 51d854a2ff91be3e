package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.kustomize.generate.GeneratedObject;
import io.gitops4j.kustomize.generate.Generators;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.Provenance;
import io.gitops4j.model.Resource;
import io.gitops4j.render.TreeEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * One native build of a kustomization folder, as Kustomize's build runs: for each kustomization, its resources (files,
 * and other kustomizations built on their own), its generators, its components (which transform what was
 * accumulated so far), then its transformers; at the top, the hash suffixes of generated objects, the name
 * references, the output order and the removal of local configuration. Cycles between kustomizations are refused
 * with the chain named. Confined to one render.
 */
final class KustomizeBuild {
    private final TreeReader reader;
    private final ManifestLoader loader;
    private final boolean remoteBases;
    private final FieldSpecTable table = FieldSpecTable.defaults();
    private final TransformerPlan plans;
    private final List<String> chain = new ArrayList<>();

    KustomizeBuild(TreeReader reader, ManifestLoader loader, boolean remoteBases) {
        this.reader = reader;
        this.loader = loader;
        this.remoteBases = remoteBases;
        this.plans = new TransformerPlan(reader, table);
    }

    /**
     * Builds a folder.
     *
     * @param folder the kustomization's folder in the tree
     * @return the resources, in output order
     */
    List<Resource> build(String folder) {
        KustomizationFile top = load(folder, null, null);
        Accumulator objects = accumulate(top, new Accumulator());
        for (Item item : objects.items()) {
            if (item.needsHash()) {
                String suffix = Generators.hashSuffix(item.body());
                item.storePreviousId();
                metadata(item.body()).put("name", item.name() + "-" + suffix);
            }
        }
        objects.changed();
        NameReferences.fix(objects.items(), table);
        List<Item> ordered = new ArrayList<>(objects.items());
        order(top).sort(ordered);
        List<Resource> result = new ArrayList<>(ordered.size());
        for (Item item : ordered) {
            JsonNode local = item.body().path("metadata").path("annotations")
                    .path("config.kubernetes.io/local-config");
            if (!local.isMissingNode() && !"false".equals(local.asText())) {
                continue;
            }
            if (item.body().get("metadata") instanceof ObjectNode metadata) {
                JsonNode annotations = metadata.get("annotations");
                if (annotations != null && (annotations.isNull() || annotations.isObject() && annotations.isEmpty())) {
                    metadata.remove("annotations");
                }
            }
            try {
                result.add(Resource.of(item.body(), item.origin()));
            } catch (IllegalArgumentException e) {
                throw new ManifestException(item.origin(), "the rendered object is invalid: " + e.getMessage());
            }
        }
        return result;
    }

    private Accumulator accumulate(KustomizationFile k, Accumulator objects) {
        chain.add(k.path());
        for (String field : List.of("resources", "bases")) {
            for (String entry : k.strings(field)) {
                resource(k, field, entry, objects);
            }
        }
        generate(k, objects);
        for (String entry : k.strings("components")) {
            KustomizationFile component = sub(k, "components", entry);
            if (!component.isComponent()) {
                throw k.error("components", "'" + entry + "' is a " + kindOf(component) + ", not a Component");
            }
            objects = accumulate(component, objects);
        }
        for (Transformation step : plans.of(k)) {
            step.apply(objects);
            objects.changed();
        }
        chain.remove(chain.size() - 1);
        return objects;
    }

    private void resource(KustomizationFile k, String field, String entry, Accumulator objects) {
        if (TreePaths.isRemote(entry)) {
            remote(k, field, entry);
        }
        TreeEntry found = reader.entry(k, field, entry);
        if (found.isFile()) {
            for (Resource resource : loader.parse(found.path(), reader.tree().read(found.path()))) {
                objects.append(new Item(resource.body(), resource.provenance()), k.where(field), field);
            }
            return;
        }
        KustomizationFile base = sub(k, field, entry);
        if (base.isComponent()) {
            throw k.error(field, "'" + entry + "' is a Component; list it under 'components'");
        }
        objects.appendAll(accumulate(base, new Accumulator()), k.where(field), field);
    }

    private void remote(KustomizationFile k, String field, String entry) {
        if (!remoteBases) {
            throw k.error(field, "'" + entry + "' is a remote base; remote bases are off (a build reads only this "
                    + "repository); vendor the base into the repository or enable remote bases");
        }
        throw new UnsupportedKustomizeField(k.where(field), field, "remote base '" + entry
                + "' needs the external binary");
    }

    private KustomizationFile sub(KustomizationFile k, String field, String entry) {
        if (TreePaths.isRemote(entry)) {
            remote(k, field, entry);
        }
        TreeEntry found = reader.entry(k, field, entry);
        if (!found.isFolder()) {
            throw k.error(field, "'" + entry + "' must be a folder with a kustomization");
        }
        return load(found.path(), k, field);
    }

    private KustomizationFile load(String folder, KustomizationFile parent, String field) {
        List<TreeEntry> files = new ArrayList<>();
        for (String name : KustomizationFile.FILE_NAMES) {
            reader.tree().entry(TreePaths.child(folder, name)).ifPresent(files::add);
        }
        String shown = folder.isEmpty() ? "the repository root" : "'" + folder + "'";
        if (files.isEmpty()) {
            String message = shown + " has no kustomization.yaml, kustomization.yml or Kustomization";
            throw parent == null ? new ManifestException(Provenance.of(folder, -1, -1), message)
                    : parent.error(field, message);
        }
        if (files.size() > 1) {
            throw new ManifestException(Provenance.of(files.get(1).path(), -1, -1), shown
                    + " has more than one kustomization file; keep one");
        }
        TreeEntry file = files.get(0);
        if (!file.isFile()) {
            throw new ManifestException(Provenance.of(file.path(), -1, -1), "the kustomization is a "
                    + (file.type() == TreeEntry.Type.SYMLINK ? "symbolic link; links are never followed" : "folder"));
        }
        int seen = chain.indexOf(file.path());
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(chain.subList(seen, chain.size()));
            cycle.add(file.path());
            throw parent.error(field, "kustomizations include each other in a cycle: " + String.join(" -> ", cycle));
        }
        return KustomizationFile.parse(file.path(), folder, reader.tree().read(file.path()));
    }

    private void generate(KustomizationFile k, Accumulator objects) {
        if (!k.has("configMapGenerator") && !k.has("secretGenerator")) {
            return;
        }
        String field = k.has("configMapGenerator") ? "configMapGenerator" : "secretGenerator";
        Provenance where = k.where(field);
        for (GeneratedObject generated : Generators.generate(k.tree(), reader.tree(), k.folder(), where)) {
            absorb(k, objects, generated);
        }
    }

    private void absorb(KustomizationFile k, Accumulator objects, GeneratedObject generated) {
        String field = generated.object().path("kind").asText().equals("Secret") ? "secretGenerator"
                : "configMapGenerator";
        Provenance where = k.where(field);
        Item fresh = new Item(generated.object().deepCopy(), where);
        fresh.needsHash(generated.appendHash());
        ResId id = fresh.currentId();
        List<Item> matches = objects.matchingAnyId(id);
        String behavior = generated.behavior().isEmpty() ? "create" : generated.behavior();
        if (matches.isEmpty()) {
            if (!behavior.equals("create")) {
                throw k.error(field, "'" + id.name() + "' has behavior " + behavior + " but no " + id.gvk().kind()
                        + " of that name comes from the resources or bases to " + behavior);
            }
            objects.append(fresh, where, field);
            return;
        }
        if (matches.size() > 1) {
            throw k.error(field, "'" + id.name() + "' matches several objects: " + matches);
        }
        Item old = matches.get(0);
        if (behavior.equals("create")) {
            throw k.error(field, id + " already exists (from " + old.origin() + "); set behavior: merge or "
                    + "replace to change it");
        }
        Item combined = new Item(Generators.combine(old.body(), generated, where), old.origin());
        combined.needsHash(generated.appendHash());
        combined.inheritTracking(old);
        objects.replace(old, combined);
    }

    private static OutputOrder order(KustomizationFile top) {
        JsonNode options = top.node("sortOptions");
        if (options.isMissingNode() || options.isNull()) {
            return OutputOrder.legacy(OutputOrder.DEFAULT_FIRST, OutputOrder.DEFAULT_LAST);
        }
        String order = options.path("order").asText("");
        if (order.equals("fifo")) {
            if (options.has("legacySortOptions")) {
                throw top.error("sortOptions", "legacySortOptions is set but the order is fifo");
            }
            return OutputOrder.fifo();
        }
        if (!order.equals("legacy")) {
            throw top.error("sortOptions", "order must be legacy or fifo, got '" + order + "'");
        }
        JsonNode legacy = options.path("legacySortOptions");
        if (legacy.isMissingNode() || legacy.isNull()) {
            return OutputOrder.legacy(OutputOrder.DEFAULT_FIRST, OutputOrder.DEFAULT_LAST);
        }
        return OutputOrder.legacy(texts(legacy.path("orderFirst")), texts(legacy.path("orderLast")));
    }

    private static List<String> texts(JsonNode list) {
        List<String> result = new ArrayList<>();
        list.forEach(node -> result.add(node.asText()));
        return result;
    }

    private static String kindOf(KustomizationFile k) {
        return k.isComponent() ? "Component" : "Kustomization";
    }

    private static ObjectNode metadata(ObjectNode body) {
        return body.get("metadata") instanceof ObjectNode meta ? meta : body.putObject("metadata");
    }
}
