package io.gitops4j.manifest;

import io.gitops4j.ManifestException;
import org.yaml.snakeyaml.nodes.Node;

/** A problem at one line of a document being read; the loader turns it into a {@link ManifestException}. */
final class DocumentProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The one-based line of the problem, or {@code -1} when unknown. */
    final int line;

    DocumentProblem(String message, int line) {
        super(message);
        this.line = line;
    }

    /** A problem at a composed YAML node. */
    static DocumentProblem at(Node node, String message) {
        return new DocumentProblem(message, node.getStartMark() == null ? -1 : node.getStartMark().getLine() + 1);
    }
}
