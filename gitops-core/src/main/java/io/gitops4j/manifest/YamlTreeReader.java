package io.gitops4j.manifest;

import static io.gitops4j.manifest.JsonTreeReader.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Converts one composed YAML document into a JSON tree the way Kubernetes' YAML reader does: YAML 1.1 scalar
 * resolution (so {@code yes} is {@code true}), anchors and aliases expanded, merge keys ({@code <<}) applied with
 * explicit keys winning, duplicate keys rejected. Counts every node created against a budget and bounds the
 * depth, so alias bombs and recursive aliases fail cleanly. One instance per document; not thread-safe.
 */
final class YamlTreeReader {
    private final long maxNodes;
    private final int maxDepth;
    private long nodes;

    YamlTreeReader(long maxNodes, int maxDepth) {
        this.maxNodes = maxNodes;
        this.maxDepth = maxDepth;
    }

    JsonNode convert(Node node) {
        return convert(node, 0);
    }

    private JsonNode convert(Node node, int depth) {
        if (++nodes > maxNodes) {
            throw new JsonTreeReader.TooLargeException(maxNodes);
        }
        if (depth > maxDepth) {
            throw new ManifestProblem("nesting deeper than " + maxDepth + " levels (recursive alias?)", node);
        }
        if (node instanceof MappingNode mapping) {
            return mapping(mapping, depth);
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                array.add(convert(item, depth + 1));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private ObjectNode mapping(MappingNode mapping, int depth) {
        ObjectNode object = NODES.objectNode();
        List<ObjectNode> merges = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                throw new ManifestProblem("mapping keys must be scalars", keyNode);
            }
            JsonNode value = convert(tuple.getValueNode(), depth + 1);
            if (Tag.MERGE.equals(key.getTag())) {
                collectMerge(value, merges, keyNode);
                continue;
            }
            if (object.has(key.getValue())) {
                throw new ManifestProblem("key '" + key.getValue() + "' appears twice in one mapping; remove one",
                        keyNode);
            }
            object.set(key.getValue(), value);
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
            throw new ManifestProblem("a merge key (<<) needs a mapping or a list of mappings", at);
        }
    }

    private static JsonNode scalar(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        String text = scalar.getValue();
        if (Tag.NULL.equals(tag)) {
            return NODES.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            String lower = text.toLowerCase(Locale.ROOT);
            return NODES.booleanNode(lower.equals("true") || lower.equals("yes") || lower.equals("on"));
        }
        if (Tag.INT.equals(tag)) {
            BigInteger value = integer(text);
            if (value != null) {
                return value.bitLength() < 32 ? NODES.numberNode(value.intValue())
                        : value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            JsonNode value = decimal(text);
            if (value != null) {
                return value;
            }
        }
        return NODES.textNode(text);
    }

    private static BigInteger integer(String text) {
        String clean = text.replace("_", "");
        int sign = 1;
        if (clean.startsWith("-") || clean.startsWith("+")) {
            sign = clean.startsWith("-") ? -1 : 1;
            clean = clean.substring(1);
        }
        try {
            BigInteger value;
            if (clean.startsWith("0b")) {
                value = new BigInteger(clean.substring(2), 2);
            } else if (clean.startsWith("0x")) {
                value = new BigInteger(clean.substring(2), 16);
            } else if (clean.startsWith("0o")) {
                value = new BigInteger(clean.substring(2), 8);
            } else if (clean.length() > 1 && clean.startsWith("0")) {
                value = new BigInteger(clean.substring(1), 8);
            } else if (clean.contains(":")) {
                value = BigInteger.ZERO;
                for (String part : clean.split(":")) {
                    value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
                }
            } else {
                value = new BigInteger(clean);
            }
            return sign < 0 ? value.negate() : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode decimal(String text) {
        String clean = text.replace("_", "").toLowerCase(Locale.ROOT);
        switch (clean) {
            case ".inf":
            case "+.inf":
                return NODES.numberNode(Double.POSITIVE_INFINITY);
            case "-.inf":
                return NODES.numberNode(Double.NEGATIVE_INFINITY);
            case ".nan":
                return NODES.numberNode(Double.NaN);
            default:
                try {
                    return NODES.numberNode(new BigDecimal(clean));
                } catch (NumberFormatException e) {
                    return null;
                }
        }
    }

    /** A problem at a node of the document, with the node's line. */
    static final class ManifestProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        ManifestProblem(String message, Node at) {
            super(message);
            this.line = at.getStartMark() == null ? -1 : at.getStartMark().getLine() + 1;
        }
    }
}
