package io.gitops4j.kustomize;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the YAML Kustomize reads itself (kustomization files, patches, transformer configurations): documents as
 * JSON trees, the line of each top-level field, duplicate keys and alias bombs refused. Thread-safe.
 */
final class YamlDocuments {
    /** One parsed document and the line of each of its top-level fields. */
    record Document(JsonNode tree, int line, Map<String, Integer> fieldLines) {
    }

    private static final ObjectMapper MAPPER = mapper();

    private YamlDocuments() {
    }

    private static ObjectMapper mapper() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(200);
        options.setCodePointLimit(16 << 20);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return new ObjectMapper(factory);
    }

    /**
     * Parses every non-empty document of a YAML text.
     *
     * @param path the file, for errors
     * @param content the text
     * @return the documents, in order
     * @throws ManifestException when the YAML is invalid, naming the file and line
     */
    static List<Document> parse(String path, byte[] content) {
        List<Document> documents = new ArrayList<>();
        try (JsonParser lines = MAPPER.getFactory().createParser(content);
                JsonParser trees = MAPPER.getFactory().createParser(content)) {
            JsonToken token;
            while ((token = lines.nextToken()) != null) {
                int start = lineOf(lines.currentTokenLocation());
                Map<String, Integer> fieldLines = new HashMap<>();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    int depth = 1;
                    while (depth > 0 && (token = lines.nextToken()) != null) {
                        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                            depth++;
                        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                            depth--;
                        } else if (token == JsonToken.FIELD_NAME && depth == 1) {
                            fieldLines.putIfAbsent(lines.currentName(), lineOf(lines.currentTokenLocation()));
                        }
                    }
                }
                trees.nextToken();
                JsonNode tree = MAPPER.readTree(trees);
                if (tree != null && !tree.isNull() && !tree.isMissingNode()) {
                    documents.add(new Document(tree, start, Map.copyOf(fieldLines)));
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : lineOf(e.getLocation());
            throw new ManifestException(Provenance.of(path, -1, line), "invalid YAML: " + firstLine(e), e);
        } catch (IOException e) {
            throw new ManifestException(Provenance.of(path, -1, -1), "cannot read: " + e.getMessage(), e);
        }
        return documents;
    }

    /** Parses a YAML text given inline in a kustomization (a patch or a configuration). */
    static List<Document> parse(String path, String text) {
        return parse(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static int lineOf(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? -1 : location.getLineNr();
    }

    private static String firstLine(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
