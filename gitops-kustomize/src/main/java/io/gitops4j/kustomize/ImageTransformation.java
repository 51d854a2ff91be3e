package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Changes container images (Kustomize's ImageTagTransformer): every {@code image} of a {@code containers} or
 * {@code initContainers} list anywhere in an object, then the field specs; an image matches by name with any tag
 * or digest; {@code newName}, {@code newTag}, {@code digest} and {@code tagSuffix} change it. CustomResourceDefinitions
 * are left alone.
 */
final class ImageTransformation implements Transformation {
    private final String name;
    private final String newName;
    private final String newTag;
    private final String digest;
    private final String tagSuffix;
    private final Pattern match;
    private final List<FieldSpec> specs;
    private final Provenance where;
    private final String field;

    ImageTransformation(Map<String, String> image, List<FieldSpec> specs, Provenance where, String field) {
        this.name = image.getOrDefault("name", "");
        this.newName = image.getOrDefault("newName", "");
        this.newTag = image.getOrDefault("newTag", "");
        this.digest = image.getOrDefault("digest", "");
        this.tagSuffix = image.getOrDefault("tagSuffix", "");
        this.specs = List.copyOf(specs);
        this.where = where;
        this.field = field;
        Pattern pattern;
        try {
            pattern = Pattern.compile("^" + name + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$");
        } catch (PatternSyntaxException e) {
            pattern = null;
        }
        this.match = pattern;
    }

    @Override
    public void apply(Accumulator objects) {
        for (Item item : objects.items()) {
            if (item.kind().equals("CustomResourceDefinition")) {
                continue;
            }
            walkContainers(item, item.body());
            for (FieldSpec spec : specs) {
                try {
                    FieldWalker.walk(item.body(), spec, FieldWalker.Leaf.NONE, slot -> update(item, slot));
                } catch (FieldWalker.WalkException e) {
                    throw Transformation.failure(where, field, item, spec, e);
                }
            }
        }
    }

    private void walkContainers(Item item, JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                walkContainers(item, entry.getValue());
                String key = entry.getKey();
                if ((key.equals("containers") || key.equals("initContainers")) && entry.getValue().isArray()) {
                    for (JsonNode container : entry.getValue()) {
                        if (container.isObject() && container.has("image")) {
                            update(item, Slot.field((ObjectNode) container, "image"));
                        }
                    }
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : (ArrayNode) node) {
                walkContainers(item, element);
            }
        }
    }

    private void update(Item item, Slot slot) {
        JsonNode value = slot.get();
        if (value == null) {
            return;
        }
        if (!value.isValueNode() || value.isNull()) {
            throw new ManifestException(where, "field '" + field + "': an image of " + item + " is not a string");
        }
        String image = value.asText();
        if (match == null || !match.matcher(image).matches()) {
            return;
        }
        String[] parts = split(image);
        String result = newName.isEmpty() ? parts[0] : newName;
        String tag = parts[1];
        String hash = parts[2];
        if (!newTag.isEmpty() && !digest.isEmpty()) {
            tag = newTag;
            hash = digest;
        } else if (!newTag.isEmpty()) {
            tag = newTag;
            hash = "";
        } else if (!digest.isEmpty()) {
            tag = "";
            hash = digest;
        } else if (!tagSuffix.isEmpty()) {
            tag = tag + tagSuffix;
            hash = "";
        }
        if (!tag.isEmpty()) {
            result += ":" + tag;
        }
        if (!hash.isEmpty()) {
            result += "@" + hash;
        }
        slot.set(JsonNodeFactory.instance.textNode(result));
    }

    /** Splits an image into name, tag and digest, as Kustomize does (a port after the host is part of the name). */
    static String[] split(String image) {
        int slash = image.indexOf('/');
        String search = image;
        if (slash > 0) {
            search = image.substring(slash);
        } else {
            slash = 0;
        }
        int at = search.indexOf('@');
        int colon = search.indexOf(':');
        if (colon < 0 && at < 0) {
            return new String[] {image, "", ""};
        }
        if (at >= 0 && (at < colon || colon < 0)) {
            at += slash;
            return new String[] {image.substring(0, at), "", image.substring(at + 1)};
        }
        if (at >= 0) {
            at += slash;
            colon += slash;
            return new String[] {image.substring(0, colon), image.substring(colon + 1, at), image.substring(at + 1)};
        }
        colon += slash;
        return new String[] {image.substring(0, colon), image.substring(colon + 1), ""};
    }
}
