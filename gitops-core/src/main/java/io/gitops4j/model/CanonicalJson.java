package io.gitops4j.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON form of a tree, and its SHA-256 digest: object fields sorted by name, no insignificant
 * white space, numbers written by value ({@code 1}, {@code 1.0} and {@code 1.00} are all {@code 1}): in plain
 * notation, except that a decimal whose plain form would run past {@value #MAX_PLAIN_DIGITS} digits (an exponent no
 * Kubernetes number has) is written in scientific notation, so writing one never expands it.
 *
 * <p>Two trees that are equal as Kubernetes would compare them have the same canonical form, whatever the field
 * order or number formatting of the files they came from. Stateless and thread-safe.
 */
public final class CanonicalJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_PLAIN_DIGITS = 1100;

    private CanonicalJson() {
    }

    /**
     * Returns the canonical JSON text of a tree.
     *
     * @param node the tree
     * @return compact JSON with sorted fields
     */
    public static String toString(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(node, generator);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return out.toString();
    }

    /**
     * Returns {@code sha256:<hex>} of the canonical form of a tree.
     *
     * @param node the tree
     * @return the digest, 71 characters
     */
    public static String sha256(JsonNode node) {
        MessageDigest digest = newDigest();
        try (JsonGenerator generator = FACTORY.createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
            write(node, generator);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return "sha256:" + HEX.formatHex(digest.digest());
    }

    /**
     * Returns a new SHA-256 message digest.
     *
     * @return a fresh digest
     */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * Formats a finished digest as {@code sha256:<hex>}.
     *
     * @param digest a SHA-256 digest that has been fed its input
     * @return the digest text
     */
    public static String format(MessageDigest digest) {
        return "sha256:" + HEX.formatHex(digest.digest());
    }

    private static void write(JsonNode node, JsonGenerator out) throws IOException {
        if (node.isObject()) {
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> field : sortedFields(node)) {
                out.writeFieldName(field.getKey());
                write(field.getValue(), out);
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode item : node) {
                write(item, out);
            }
            out.writeEndArray();
        } else if (node.isInt() || node.isLong() || node.isShort()) {
            out.writeNumber(node.longValue()); // the same digits as the BigInteger branch, without making one
        } else if (node.isIntegralNumber()) {
            out.writeNumber(node.bigIntegerValue());
        } else if (node.isNumber()) {
            writeDecimal(node.decimalValue(), out);
        } else if (node.isNull() || node.isMissingNode()) {
            out.writeNull();
        } else if (node.isBoolean()) {
            out.writeBoolean(node.booleanValue());
        } else {
            out.writeString(node.asText());
        }
    }

    /** Returns an object's fields by name; most manifests' objects come sorted already and are not sorted again. */
    private static List<Map.Entry<String, JsonNode>> sortedFields(JsonNode object) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.size());
        boolean sorted = true;
        String previous = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            sorted &= previous == null || previous.compareTo(field.getKey()) < 0;
            previous = field.getKey();
            fields.add(field);
        }
        if (!sorted) {
            fields.sort(Map.Entry.comparingByKey());
        }
        return fields;
    }

    private static void writeDecimal(BigDecimal value, JsonGenerator out) throws IOException {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        int scale = stripped.scale();
        if (scale < -MAX_PLAIN_DIGITS || scale > MAX_PLAIN_DIGITS) {
            out.writeNumber(stripped.toString());
        } else if (scale <= 0) {
            out.writeNumber(stripped.toBigIntegerExact());
        } else {
            out.writeNumber(stripped.toPlainString());
        }
    }
}
