package io.gitops4j.kustomize.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One ConfigMap or Secret a generator produced, before its name gets the hash suffix.
 *
 * @param object the object (apiVersion v1, kind ConfigMap or Secret, metadata.name the generator's name, data)
 * @param behavior how it combines with an object of the same name from the resources: {@code create},
 *     {@code merge} or {@code replace}
 * @param appendHash whether the name gets the content hash suffix (generator options {@code disableNameSuffixHash})
 */
public record GeneratedObject(ObjectNode object, String behavior, boolean appendHash) {

    /**
     * Checks and copies.
     *
     * @param object the object, deep-copied
     * @param behavior the behaviour
     * @param appendHash whether the name gets the hash suffix
     */
    public GeneratedObject {
        object = requireNonNull(object, "object is null").deepCopy();
        requireNonNull(behavior, "behavior is null");
    }

    /**
     * Returns a copy of the object.
     *
     * @return the generated ConfigMap or Secret
     */
    @Override
    public ObjectNode object() {
        return object.deepCopy();
    }
}
