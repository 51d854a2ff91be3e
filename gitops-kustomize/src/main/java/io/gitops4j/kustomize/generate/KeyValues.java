package io.gitops4j.kustomize.generate;

import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kustomize's key-value sources of a generator: {@code literals} ({@code key=value}, the value unquoted when it is
 * wholly in single or double quotes), {@code files} ({@code path}, keyed by the file name, or {@code key=path}) and
 * env files ({@code KEY=VALUE} lines; leading blanks, blank lines and {@code #} comments skipped; a line with no
 * {@code =} gives the key an empty value; a UTF-8 BOM on the first line dropped). Stateless.
 */
final class KeyValues {
    private KeyValues() {
    }

    /** One key and its value's bytes, with the field it came from. */
    record Pair(String key, byte[] value, String field) {
    }

    static Pair literal(String source, String field, Provenance where) {
        int eq = source.indexOf('=');
        if (eq <= 0) {
            throw new ManifestException(where, field + ": invalid literal source '" + source
                    + "', expected key=value");
        }
        return new Pair(source.substring(0, eq), unquote(source.substring(eq + 1)).getBytes(StandardCharsets.UTF_8),
                field);
    }

    static Pair file(String source, String field, RepositoryFiles files, Provenance where) {
        int eq = source.indexOf('=');
        String key;
        String path;
        if (eq >= 0) {
            key = source.substring(0, eq);
            path = source.substring(eq + 1);
            if (key.isEmpty() || path.isEmpty()) {
                throw new ManifestException(where, field + ": key names or file paths cannot be empty in '"
                        + source + "'");
            }
        } else {
            path = source;
            String trimmed = path.replaceAll("/+$", "");
            key = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }
        return new Pair(key, files.read(path, field), field);
    }

    static List<Pair> envFile(String path, String field, RepositoryFiles files, Provenance where) {
        String[] lines = new String(files.read(path, field), StandardCharsets.ISO_8859_1).split("\n", -1);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            byte[] raw = lines[i].getBytes(StandardCharsets.ISO_8859_1);
            int number = i + 1;
            String line = utf8(raw).orElseThrow(() -> new ManifestException(where, field + ": line " + number
                    + " of env file '" + path + "' is not valid UTF-8"));
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            String value = eq < 0 ? "" : line.substring(eq + 1);
            if (key.isEmpty()) {
                throw new ManifestException(where, field + ": line " + number + " of env file '" + path
                        + "' has an empty key");
            }
            pairs.add(new Pair(key, value.getBytes(StandardCharsets.UTF_8), field));
        }
        return pairs;
    }

    /**
     * Decodes strict UTF-8.
     *
     * @param bytes the bytes
     * @return the text, or empty when the bytes are not valid UTF-8
     */
    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }
}
