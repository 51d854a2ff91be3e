package io.gitops4j.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.Provenance;
import io.gitops4j.render.SourceTree;
import java.util.List;

/**
 * Kustomize's {@code configMapGenerator} and {@code secretGenerator} with {@code generatorOptions}: {@code files}
 * (with {@code key=path}), {@code literals}, {@code envs} (and the older {@code env}), {@code type} of Secrets,
 * {@code options} per generator (labels, annotations, {@code disableNameSuffixHash}, {@code immutable}), and the
 * {@code merge}/{@code replace} behaviours. Secret data is base64-encoded as Kustomize does; ConfigMap values that
 * are not valid UTF-8 go to {@code binaryData}. Stateless.
 */
public final class Generators {
    private Generators() {
    }

    /**
     * Generates the objects of one kustomization's generators, in Kustomize's order (ConfigMaps, then Secrets, each
     * in declaration order). Paths are read from {@code tree}, relative to {@code folder}, and may not leave the
     * repository root.
     *
     * @param kustomization the parsed kustomization
     * @param tree the repository tree
     * @param folder the kustomization's folder in the tree
     * @param where the kustomization file, for errors
     * @return the generated objects, names without hash suffix
     * @throws io.gitops4j.ManifestException when a generator is malformed or names a missing file, naming the file and
     *     field
     */
    public static List<GeneratedObject> generate(JsonNode kustomization, SourceTree tree, String folder,
            Provenance where) {
        throw new UnsupportedOperationException("generators are not implemented yet");
    }

    /**
     * Combines a generated object with the existing object of the same kind and name, by {@code behavior}:
     * {@code merge} adds and overrides data keys, labels and annotations; {@code replace} takes the generated
     * object's content with the existing one's identity.
     *
     * @param existing the object from the resources
     * @param generated the generated object
     * @param where the kustomization file, for errors
     * @return the combined object
     * @throws io.gitops4j.ManifestException for {@code create} (a duplicate) or an unknown behaviour
     */
    public static ObjectNode combine(ObjectNode existing, GeneratedObject generated, Provenance where) {
        throw new UnsupportedOperationException("generators are not implemented yet");
    }

    /**
     * Returns the suffix Kustomize appends to a generated ConfigMap's or Secret's name ({@code -} not included):
     * ten characters derived from a SHA-256 of the object's kind, name, type and data, exactly as Kustomize computes
     * it, so that names match {@code kubectl kustomize} output.
     *
     * @param object the ConfigMap or Secret, with its final data and its name before the suffix
     * @return the suffix, e.g. {@code 5f7tm6g4kt}
     */
    public static String hashSuffix(ObjectNode object) {
        throw new UnsupportedOperationException("generators are not implemented yet");
    }
}
