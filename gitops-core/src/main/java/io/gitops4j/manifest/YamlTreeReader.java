package io.gitops4j.manifest;

import static io.gitops4j.manifest.JsonTreeReader.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Converts one composed YAML document into a JSON tree the way Kubernetes' YAML reader does: YAML 1.1 scalar
 * resolution (so {@code yes} is {@code true}), explicit core tags honoured when the value fits them and every other
 * tag rejected ({@link YamlScalars}), anchors and aliases expanded, merge keys ({@code <<}) applied with explicit
 * keys winning, duplicate keys rejected. Counts every node created against a budget and bounds the depth, so alias
 * bombs and recursive aliases fail cleanly; records the lines of the fields that identify a resource
 * ({@link FieldLines}). One instance per document; not thread-safe.
 */
final class YamlTreeReader {
    private final long maxNodes;
    private final int maxDepth;
    private final FieldLines lines = new FieldLines();
    private final YamlScalars scalars = new YamlScalars();
    private long nodes;

    YamlTreeReader(long maxNodes, int maxDepth) {
        this.maxNodes = maxNodes;
        this.maxDepth = maxDepth;
    }

    JsonNode convert(Node node) {
        return convert(node, 0);
    }

    /** Returns the lines of the identifying fields of the trees converted so far. */
    FieldLines lines() {
        return lines;
    }

    private JsonNode convert(Node node, int depth) {
        if (++nodes > maxNodes) {
            throw new JsonTreeReader.TooLargeException(maxNodes);
        }
        if (depth > maxDepth) {
            throw DocumentProblem.at(node, "nesting deeper than " + maxDepth + " levels (recursive alias?)");
        }
        if (node instanceof MappingNode mapping) {
            requireTag(mapping, Tag.MAP, "mapping");
            return mapping(mapping, depth);
        }
        if (node instanceof SequenceNode sequence) {
            requireTag(sequence, Tag.SEQ, "list");
            ArrayNode array = NODES.arrayNode(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                array.add(convert(item, depth + 1));
            }
            return array;
        }
        return scalars.convert((ScalarNode) node);
    }

    private static void requireTag(Node node, Tag expected, String what) {
        if (!expected.equals(node.getTag())) {
            throw DocumentProblem.at(node, "the tag " + YamlScalars.shortTag(node.getTag()) + " is not supported on a "
                    + what + "; Kubernetes reads only the core YAML tags (" + YamlScalars.CORE_TAGS + ")");
        }
    }

    private ObjectNode mapping(MappingNode mapping, int depth) {
        ObjectNode object = NODES.objectNode();
        List<ObjectNode> merges = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                throw DocumentProblem.at(keyNode, "mapping keys must be scalars");
            }
            JsonNode value = convert(tuple.getValueNode(), depth + 1);
            if (Tag.MERGE.equals(key.getTag())) {
                collectMerge(value, merges, keyNode);
                continue;
            }
            if (object.has(key.getValue())) {
                throw DocumentProblem.at(keyNode, "key '" + key.getValue() + "' appears twice in one mapping; remove one");
            }
            object.set(key.getValue(), value);
            lines.record(object, key.getValue(), keyNode.getStartMark() == null ? -1
                    : keyNode.getStartMark().getLine() + 1);
        }
        for (ObjectNode merge : merges) {
            merge.fields().forEachRemaining(field -> object.putIfAbsent(field.getKey(), field.getValue()));
        }
        return object;
    }

    private static void collectMerge(JsonNode value, List<ObjectNode> merges, Node at) {
        if (value instanceof ObjectNode object) {
            merges.add(object);
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                collectMerge(item, merges, at);
            }
        } else {
            throw DocumentProblem.at(at, "a merge key (<<) needs a mapping or a list of mappings");
        }
    }
}
