package io.gitops4j.testkit.gen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Generates resources, whole desired states, manifest file layouts and live perturbations from a seed, for
 * property tests in any framework (see {@link Generators} for QuickTheories).
 *
 * <p>The same seed and the same sequence of calls give the same output. Bodies are realistic: Namespaces,
 * ConfigMaps, Secrets, Services and Deployments (about 1.5 KB, with containers, env, probes, resources, volumes).
 * Not thread-safe: one generator per thread.
 */
public final class ResourceGenerator {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String[] KINDS = {"ConfigMap", "Secret", "Service", "Deployment"};

    private final Random random;
    private final Bodies bodies;
    private final long seed;

    /**
     * Creates a generator.
     *
     * @param seed the seed; print it with a failure to reproduce it
     */
    public ResourceGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.bodies = new Bodies(random);
    }

    /**
     * Returns the seed this generator started from.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns a Namespace.
     *
     * @param name its name
     * @return the resource
     */
    public Resource namespace(String name) {
        return Resource.of(bodies.namespace(name));
    }

    /**
     * Returns a ConfigMap with one to five data entries.
     *
     * @param namespace its namespace
     * @param name its name
     * @return the resource
     */
    public Resource configMap(String namespace, String name) {
        return Resource.of(bodies.configMap(namespace, name));
    }

    /**
     * Returns an Opaque Secret with base64 data.
     *
     * @param namespace its namespace
     * @param name its name
     * @return the resource
     */
    public Resource secret(String namespace, String name) {
        return Resource.of(bodies.secret(namespace, name));
    }

    /**
     * Returns a ClusterIP Service with one or two ports.
     *
     * @param namespace its namespace
     * @param name its name
     * @return the resource
     */
    public Resource service(String namespace, String name) {
        return Resource.of(bodies.service(namespace, name));
    }

    /**
     * Returns a Deployment of typical size (about 1.5 KB as JSON).
     *
     * @param namespace its namespace
     * @param name its name
     * @return the resource
     */
    public Resource deployment(String namespace, String name) {
        return Resource.of(bodies.deployment(namespace, name));
    }

    /**
     * Returns the resources of a desired state: {@code count} resources, about one Namespace per ten, the rest
     * ConfigMaps, Secrets, Services and Deployments spread over those namespaces; about one in five carries a
     * {@code gitops4j.io/wave} between -1 and 2. Keys are unique.
     *
     * @param count how many resources, zero or more
     * @return the resources, in generation order
     */
    public List<Resource> resources(int count) {
        List<Resource> resources = new ArrayList<>(count);
        List<String> namespaces = new ArrayList<>();
        Set<ResourceKey> keys = new HashSet<>();
        while (resources.size() < count) {
            Resource next;
            if (namespaces.isEmpty() || (resources.size() % 10 == 0 && random.nextBoolean())) {
                String name = "ns-" + bodies.word() + "-" + random.nextInt(100);
                next = namespace(name);
                if (keys.add(next.key())) {
                    namespaces.add(name);
                    resources.add(next);
                }
                continue;
            }
            String namespace = namespaces.get(random.nextInt(namespaces.size()));
            next = withWave(of(KINDS[random.nextInt(KINDS.length)], namespace,
                    bodies.word() + "-" + random.nextInt(10_000)));
            if (keys.add(next.key())) {
                resources.add(next);
            }
        }
        return resources;
    }

    /**
     * Returns a desired state of {@link #resources(int)}.
     *
     * @param revisionId the revision id
     * @param count how many resources
     * @return the state
     */
    public DesiredState desiredState(String revisionId, int count) {
        return DesiredState.of(revisionId, resources(count));
    }

    /**
     * Returns a changed copy of a resource, as a new commit would change it: a Deployment's replicas and image, a
     * Service's port, a ConfigMap's or Secret's data, or (any kind) a label.
     *
     * @param resource the resource
     * @return a copy that differs in at least one declared field
     */
    public Resource changed(Resource resource) {
        ObjectNode body = resource.body();
        String mark = "v" + random.nextInt(1_000_000);
        switch (resource.kind()) {
            case "Deployment" -> {
                ObjectNode spec = (ObjectNode) body.get("spec");
                spec.put("replicas", spec.path("replicas").asInt() + 1);
                ((ObjectNode) spec.at("/template/spec/containers/0")).put("image", "ghcr.io/acme/app:" + mark);
            }
            case "ConfigMap", "Secret" -> ((ObjectNode) body.get("data")).put("changed", mark);
            default -> ((ObjectNode) body.get("metadata")).withObjectProperty("labels").put("changed", mark);
        }
        return resource.withBody(body);
    }

    /**
     * Returns a random live perturbation for {@code InMemoryTarget.edit}: a foreign label or annotation (not
     * drift), a changed or removed declared field (drift the engine must correct), or a server {@code status}
     * update (not drift).
     *
     * @return an edit of a live tree; it changes the tree it is given and returns it
     */
    public UnaryOperator<ObjectNode> perturbation() {
        int choice = random.nextInt(5);
        String mark = "p" + random.nextInt(1_000_000);
        return tree -> {
            ObjectNode metadata = (ObjectNode) tree.get("metadata");
            switch (choice) {
                case 0 -> metadata.withObjectProperty("labels").put("drift.example.org/foreign", mark);
                case 1 -> metadata.withObjectProperty("annotations").put("drift.example.org/note", mark);
                case 2 -> metadata.withObjectProperty("labels").put("app", mark);
                case 3 -> metadata.withObjectProperty("labels").remove("tier");
                default -> tree.withObjectProperty("status").put("observedGeneration", 7).put("note", mark);
            }
            return tree;
        };
    }

    /**
     * Lays resources out as manifest files in a random way: random file names and count, random document order,
     * multi-document YAML. Loading them gives back the same resources.
     *
     * @param resources the resources
     * @return file path to UTF-8 content
     */
    public SortedMap<String, byte[]> files(Collection<Resource> resources) {
        List<Resource> shuffled = new ArrayList<>(resources);
        Collections.shuffle(shuffled, random);
        int fileCount = shuffled.isEmpty() ? 0 : 1 + random.nextInt(shuffled.size());
        List<StringBuilder> contents = new ArrayList<>();
        for (int i = 0; i < fileCount; i++) {
            contents.add(new StringBuilder());
        }
        for (Resource resource : shuffled) {
            contents.get(random.nextInt(fileCount)).append(yaml(resource.tree()));
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (StringBuilder content : contents) {
            String path = "dir" + random.nextInt(3) + "/file-" + Long.toHexString(random.nextLong()) + ".yaml";
            files.put(path, content.toString().getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private Resource of(String kind, String namespace, String name) {
        return switch (kind) {
            case "ConfigMap" -> configMap(namespace, name);
            case "Secret" -> secret(namespace, name);
            case "Service" -> service(namespace, name);
            default -> deployment(namespace, name);
        };
    }

    private Resource withWave(Resource resource) {
        if (random.nextInt(5) != 0) {
            return resource;
        }
        ObjectNode body = resource.body();
        ((ObjectNode) body.get("metadata")).withObjectProperty("annotations")
                .put(WellKnownMetadata.WAVE, Integer.toString(random.nextInt(4) - 1));
        return resource.withBody(body);
    }

    private static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
