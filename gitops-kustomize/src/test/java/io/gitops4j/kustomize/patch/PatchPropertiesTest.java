package io.gitops4j.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class PatchPropertiesTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Random objects from a seed: nested maps, lists of keyed maps and scalars, names with / and ~. */
    private static Gen<ObjectNode> objects() {
        return SourceDSL.longs().all().map(seed -> {
            Random random = new Random(seed);
            ObjectNode object = JSON.objectNode();
            object.put("apiVersion", random.nextBoolean() ? "apps/v1" : "example.com/v1");
            object.put("kind", "Deployment");
            object.set("metadata", JSON.objectNode().put("name", "n" + random.nextInt(5)));
            object.set("spec", map(random, 3));
            return object;
        });
    }

    private static ObjectNode map(Random random, int depth) {
        ObjectNode map = JSON.objectNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            String name = List.of("a", "b/c", "d~e", "containers", "env", "x").get(random.nextInt(6));
            int kind = depth == 0 ? random.nextInt(2) : random.nextInt(4);
            switch (kind) {
                case 0 -> map.put(name, "v" + random.nextInt(3));
                case 1 -> map.put(name, random.nextInt(100));
                case 2 -> map.set(name, map(random, depth - 1));
                default -> {
                    ArrayNode list = map.putArray(name);
                    int items = random.nextInt(3);
                    for (int j = 0; j < items; j++) {
                        list.add(random.nextBoolean() ? JSON.objectNode().put("name", "i" + j)
                                .put("v", random.nextInt(3)) : map(random, depth - 1).put("name", "m" + j));
                    }
                }
            }
        }
        return map;
    }

    private static List<String> paths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String path = prefix + "/" + name.replace("~", "~0").replace("/", "~1");
                paths.add(path);
                paths.addAll(paths(node.get(name), path));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(prefix + "/" + i);
                paths.addAll(paths(node.get(i), prefix + "/" + i));
            }
        }
        return paths;
    }

    @Test
    void addingThenRemovingANewPathReturnsTheOriginal() {
        qt().forAll(objects(), SourceDSL.integers().between(0, 1000)).checkAssert((object, pick) -> {
            List<String> containers = new ArrayList<>(paths(object, ""));
            containers.removeIf(p -> !object.at(p).isContainerNode());
            containers.add("");
            String parent = containers.get(pick % containers.size());
            JsonNode at = parent.isEmpty() ? object : object.at(parent);
            String path = parent + (at.isArray() ? "/" + (pick % (at.size() + 1)) : "/new~1field~0" + pick);
            ArrayNode patch = JSON.arrayNode();
            patch.addObject().put("op", "add").put("path", path).set("value", JSON.objectNode().put("p", pick));
            patch.addObject().put("op", "remove").put("path", path);

            assertThat(JsonPatch.apply(object, patch, Provenance.UNKNOWN)).isEqualTo(object);
        });
    }

    @Test
    void mergingAnObjectWithItselfReturnsTheObject() {
        qt().forAll(objects()).checkAssert(object -> {
            ObjectNode merged = StrategicMergePatch.apply(object, object, Provenance.UNKNOWN);

            assertThat(merged).isEqualTo(object);
        });
    }
}
