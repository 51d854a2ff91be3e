package io.gitops4j.manifest;

import io.gitops4j.ManifestException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.model.Provenance;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads the documents of one YAML file: decodes it as strict UTF-8 ({@link Utf8Text}), accepts trailing tabs as
 * Kubernetes does ({@link TrailingTabs}), composes each document and converts it ({@link YamlTreeReader}). Every
 * failure is a {@link ManifestException} naming the file and the line of the problem. Stateless apart from its
 * limits; thread-safe.
 */
final class YamlFileReader {
    /** Receives each document of a file, in order. */
    @FunctionalInterface
    interface DocumentSink {
        void accept(JsonNode tree, FieldLines lines, Provenance provenance);
    }

    /** The longest run of characters without white space accepted (1.5 MiB, etcd's limit for one object). */
    static final int MAX_TOKEN_CHARS = 1536 * 1024;

    private final LoaderOptions options;
    private final ScalarTags tags = new ScalarTags();
    private final long maxNodes;
    private final int maxNestingDepth;

    YamlFileReader(LoaderOptions options, long maxNodes, int maxNestingDepth) {
        this.options = options;
        this.maxNodes = maxNodes;
        this.maxNestingDepth = maxNestingDepth;
    }

    void read(String path, byte[] content, DocumentSink sink) {
        String text = Utf8Text.decode(path, content);
        rejectLongTokens(path, text);
        text = withTrailingTabs(text);
        int document = 0;
        int line = 1;
        try {
            Composer composer = composer(text);
            while (composer.checkNode()) {
                Node root = composer.getNode();
                line = root.getStartMark() == null ? -1 : root.getStartMark().getLine() + 1;
                YamlTreeReader reader = new YamlTreeReader(maxNodes, maxNestingDepth);
                JsonNode node;
                try {
                    node = reader.convert(root);
                } catch (DocumentProblem e) {
                    throw new ManifestException(Provenance.of(path, document, e.line > 0 ? e.line : line), e.getMessage());
                } catch (JsonTreeReader.TooLargeException e) {
                    throw new ManifestException(Provenance.of(path, document, line), e.getMessage());
                }
                sink.accept(node, reader.lines(), Provenance.of(path, document, line));
                document++;
            }
        } catch (ReaderException e) {
            throw new ManifestException(Provenance.of(path, -1, lineOfCodePoint(text, e.getPosition())),
                    "invalid YAML: the control character " + String.format("U+%04X", e.getCodePoint())
                            + " is not allowed; remove it, or write it as an escape in a double-quoted string",
                    ParserFailure.of(e, lineOfCodePoint(text, e.getPosition()), -1));
        } catch (MarkedYAMLException e) {
            int errorLine = e.getProblemMark() == null ? line : e.getProblemMark().getLine() + 1;
            throw new ManifestException(Provenance.of(path, document, errorLine), "invalid YAML: "
                    + firstLine(e.getProblem() == null ? "cannot parse" : e.getProblem()),
                    ParserFailure.of(e, errorLine, e.getProblemMark() == null ? -1 : e.getProblemMark().getColumn() + 1));
        } catch (YAMLException e) {
            throw new ManifestException(Provenance.of(path, document, line), "invalid YAML: " + firstLine(e.getMessage()),
                    ParserFailure.of(e, line, -1));
        }
    }

    /**
     * Returns a composer of the documents of a text, as {@code new Yaml(options).composeAll(text)} makes one but
     * without building the constructor and representer a {@code Yaml} needs for objects, and with the loader's
     * shared tag resolution.
     */
    private Composer composer(String text) {
        return new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), tags.forComposer(),
                options);
    }

    /**
     * Rejects a run of more than {@value #MAX_TOKEN_CHARS} characters without white space: SnakeYAML scans one in
     * time quadratic in its length (4 MB take seconds), and no object Kubernetes stores (at most 1.5 MiB in etcd)
     * can hold one.
     */
    private static void rejectLongTokens(String path, String text) {
        int line = 1;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                line += c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) ? 1 : 0;
                run = 0;
            } else if (++run > MAX_TOKEN_CHARS) {
                throw new ManifestException(Provenance.of(path, -1, line), "more than " + MAX_TOKEN_CHARS
                        + " characters without a space or line break, longer than any value Kubernetes stores; split"
                        + " the value over lines (a block scalar) or shorten it");
            }
        }
    }

    /**
     * Returns the text with its trailing tabs softened, except on the lines of block scalars, where they are content.
     * Only a file with such tabs is composed twice.
     */
    private String withTrailingTabs(String text) {
        String softened = TrailingTabs.soften(text);
        if (softened == text) {
            return text;
        }
        Set<Integer> blockLines = new HashSet<>();
        try {
            Composer composer = composer(softened);
            while (composer.checkNode()) {
                collectBlockScalarLines(composer.getNode(), blockLines);
            }
        } catch (YAMLException e) {
            return softened;
        }
        return blockLines.isEmpty() ? softened : TrailingTabs.restore(text, softened, blockLines);
    }

    private static void collectBlockScalarLines(Node root, Set<Integer> lines) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    pending.push(tuple.getKeyNode());
                    pending.push(tuple.getValueNode());
                }
            } else if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(pending::push);
            } else if (node instanceof ScalarNode scalar && isBlock(scalar)) {
                Mark start = scalar.getStartMark();
                Mark end = scalar.getEndMark();
                int last = end.getColumn() > 0 ? end.getLine() : end.getLine() - 1;
                for (int line = start.getLine() + 1; line <= last; line++) {
                    lines.add(line);
                }
            }
        }
    }

    private static boolean isBlock(ScalarNode scalar) {
        return scalar.getStartMark() != null && scalar.getEndMark() != null
                && (scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                        || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED);
    }

    private static int lineOfCodePoint(String text, int codePointIndex) {
        int line = 1;
        int offset = 0;
        for (int i = 0; i < codePointIndex && offset < text.length(); i++) {
            char c = text.charAt(offset);
            if (c == '\n' || (c == '\r' && (offset + 1 == text.length() || text.charAt(offset + 1) != '\n'))) {
                line++;
            }
            offset += Character.charCount(text.codePointAt(offset));
        }
        return line;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
