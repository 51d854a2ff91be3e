package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON patch (RFC 6902): {@code add}, {@code remove}, {@code replace}, {@code move}, {@code copy} and
 * {@code test} operations addressed by JSON pointers.
 */
public final class JsonPatch {

    private JsonPatch() {
    }

    /**
     * Applies the operations to a copy of {@code target}.
     *
     * @throws ApiError 422 when an operation cannot be applied (missing path, failed test)
     */
    public static JsonNode apply(JsonNode target, JsonNode operations) {
        if (!operations.isArray()) {
            throw ApiError.badRequest("a JSON patch must be an array of operations");
        }
        JsonNode result = target.deepCopy();
        for (JsonNode op : operations) {
            result = applyOne(result, op);
        }
        return result;
    }

    private static JsonNode applyOne(JsonNode doc, JsonNode op) {
        String name = Json.text(op, "op");
        String path = Json.text(op, "path");
        switch (name) {
            case "add":
                return add(doc, path, value(op));
            case "remove":
                remove(doc, path);
                return doc;
            case "replace":
                remove(doc, path);
                return add(doc, path, value(op));
            case "move": {
                JsonNode moved = get(doc, Json.text(op, "from"));
                remove(doc, Json.text(op, "from"));
                return add(doc, path, moved);
            }
            case "copy":
                return add(doc, path, get(doc, Json.text(op, "from")).deepCopy());
            case "test":
                if (!get(doc, path).equals(value(op))) {
                    throw ApiError.unprocessable("the server rejected our request due to an error in our request:"
                            + " test operation failed at " + path);
                }
                return doc;
            default:
                throw ApiError.badRequest("unknown JSON patch operation \"" + name + "\"");
        }
    }

    private static JsonNode value(JsonNode op) {
        if (!op.has("value")) {
            throw ApiError.badRequest("JSON patch operation " + op + " has no value");
        }
        return op.get("value").deepCopy();
    }

    private static JsonNode get(JsonNode doc, String path) {
        JsonNode node = doc.at(pointer(path));
        if (node.isMissingNode()) {
            throw missing(path);
        }
        return node;
    }

    private static JsonNode add(JsonNode doc, String path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonPointer pointer = pointer(path);
        JsonNode parent = doc.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            if (last.equals("-")) {
                array.add(value);
            } else {
                int index = index(last, array.size() + 1, path);
                array.insert(index, value);
            }
        } else {
            throw missing(path);
        }
        return doc;
    }

    private static void remove(JsonNode doc, String path) {
        JsonPointer pointer = pointer(path);
        JsonNode parent = doc.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(index(last, array.size(), path));
        } else {
            throw missing(path);
        }
    }

    private static int index(String segment, int bound, String path) {
        try {
            int index = Integer.parseInt(segment);
            if (index < 0 || index >= bound) {
                throw missing(path);
            }
            return index;
        } catch (NumberFormatException e) {
            throw missing(path);
        }
    }

    private static JsonPointer pointer(String path) {
        try {
            return JsonPointer.compile(path);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("invalid JSON pointer \"" + path + "\"");
        }
    }

    private static ApiError missing(String path) {
        return ApiError.unprocessable("the server rejected our request due to an error in our request: "
                + "JSON patch path \"" + path + "\" does not exist");
    }
}
