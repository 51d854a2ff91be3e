package io.gitops4j.manifest;

import static io.gitops4j.manifest.JsonTreeReader.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Converts YAML scalars to JSON values as Kubernetes' reader (go-yaml) does. A scalar's tag, implicit or explicit,
 * must be a core one ({@value #CORE_TAGS}) and its value must parse as that type: {@code !!bool maybe} or
 * {@code !!int abc} are errors, not {@code false} or a string. {@code !!binary} values are decoded to their (UTF-8)
 * text and {@code !!timestamp} values are kept as written, as go-yaml does. Numbers must fit a float64
 * ({@link NumberLimits}); {@code .nan} and {@code .inf} are rejected, because JSON cannot carry them. Errors name the
 * scalar's line and never show its value (it may belong to a Secret). Not thread-safe.
 */
final class YamlScalars {
    /** The tags Kubernetes' YAML reader understands. */
    static final String CORE_TAGS = "!!str, !!int, !!float, !!bool, !!null, !!binary, !!timestamp, !!map, !!seq";

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:e[-+]?[0-9]+)?");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?+[0-9_]*+(?:\\.[0-9_]*+)?+(?:[eE][-+]?+[0-9]++)?+");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("[-+]?\\.(?:inf|nan)");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private Resolver resolver;

    JsonNode convert(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        String text = scalar.getValue();
        if (Tag.STR.equals(tag) || Tag.MERGE.equals(tag)) {
            if (text.length() > NumberLimits.MAX_LENGTH && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                    && PLAIN_NUMBER.matcher(text).matches()) {
                NumberLimits.checkLength(text, line(scalar));
            }
            return NODES.textNode(text);
        }
        if (Tag.NULL.equals(tag)) {
            return isNull(text) ? NODES.nullNode() : implicitOrMismatch(scalar);
        }
        if (Tag.BOOL.equals(tag)) {
            return bool(scalar);
        }
        if (Tag.INT.equals(tag)) {
            NumberLimits.checkLength(text, line(scalar));
            BigInteger value = integer(text);
            return value == null ? implicitOrMismatch(scalar) : integerNode(NumberLimits.checkRange(value, line(scalar)));
        }
        if (Tag.FLOAT.equals(tag)) {
            NumberLimits.checkLength(text, line(scalar));
            return decimal(scalar);
        }
        if (Tag.TIMESTAMP.equals(tag)) {
            return Resolver.TIMESTAMP.matcher(text).matches() ? NODES.textNode(text) : implicitOrMismatch(scalar);
        }
        if (Tag.BINARY.equals(tag)) {
            return binary(scalar);
        }
        throw DocumentProblem.at(scalar, "the tag " + shortTag(tag) + " is not supported on a scalar; Kubernetes reads"
                + " only the core YAML tags (" + CORE_TAGS + ")");
    }

    /** Returns {@code !!name} for a tag of the YAML namespace, the tag itself for others. */
    static String shortTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    private static boolean isNull(String text) {
        return text.isBlank() || text.equals("~") || text.equals("null") || text.equals("Null") || text.equals("NULL");
    }

    private JsonNode bool(ScalarNode scalar) {
        switch (scalar.getValue().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "on":
                return NODES.booleanNode(true);
            case "false":
            case "no":
            case "off":
                return NODES.booleanNode(false);
            default:
                return implicitOrMismatch(scalar);
        }
    }

    private static JsonNode integerNode(BigInteger value) {
        return value.bitLength() < 32 ? NODES.numberNode(value.intValue())
                : value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
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

    private JsonNode decimal(ScalarNode scalar) {
        String clean = scalar.getValue().replace("_", "").toLowerCase(Locale.ROOT);
        int line = line(scalar);
        if (NOT_A_NUMBER.matcher(clean).matches()) {
            throw new DocumentProblem("not-a-number and infinity cannot be written as JSON,"
                    + " so Kubernetes rejects them; quote it if it is meant as text", line);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(clean);
        } catch (NumberFormatException e) {
            if (PLAIN_DECIMAL.matcher(clean).matches()) {
                throw NumberLimits.outOfRange(line);
            }
            return implicitOrMismatch(scalar);
        }
        return NODES.numberNode(NumberLimits.checkRange(value, line));
    }

    private JsonNode binary(ScalarNode scalar) {
        try {
            byte[] bytes = Base64.getDecoder().decode(WHITE_SPACE.matcher(scalar.getValue()).replaceAll(""));
            return NODES.textNode(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw DocumentProblem.at(scalar, "the value does not fit its tag !!binary (base64 of UTF-8 text); fix the"
                    + " value or remove the tag");
        }
    }

    /**
     * Returns the scalar as text when its tag was resolved implicitly (a plain scalar that merely looks typed, kept
     * as text as go-yaml does); throws when the tag was written and the value does not fit it.
     */
    private JsonNode implicitOrMismatch(ScalarNode scalar) {
        if (scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && scalar.getTag().equals(implicitTag(scalar))) {
            return NODES.textNode(scalar.getValue());
        }
        throw DocumentProblem.at(scalar, "the value does not fit its tag " + shortTag(scalar.getTag())
                + "; fix the value or remove the tag");
    }

    private Tag implicitTag(ScalarNode scalar) {
        if (resolver == null) {
            resolver = new Resolver();
        }
        return resolver.resolve(NodeId.scalar, scalar.getValue(), true);
    }

    private static int line(ScalarNode scalar) {
        return scalar.getStartMark() == null ? -1 : scalar.getStartMark().getLine() + 1;
    }
}
