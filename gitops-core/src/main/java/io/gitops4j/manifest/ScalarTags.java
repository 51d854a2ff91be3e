package io.gitops4j.manifest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's default YAML 1.1 tag resolution, with the implicit tag of short plain scalars remembered: resolving
 * runs up to a handful of regular expressions per scalar, and manifests repeat the same keys and values
 * ({@code apiVersion}, {@code metadata}, {@code name}, {@code app}, ...) in every file. The answer for a value is a
 * pure function of its text, so remembering it never changes a result. The memory is bounded (values up to
 * {@value #MAX_VALUE_CHARS} characters, at most {@value #MAX_ENTRIES} of them; past that, values are resolved every
 * time). One instance per loader; thread-safe (the delegate is only read after construction).
 */
final class ScalarTags {
    static final int MAX_VALUE_CHARS = 64;
    static final int MAX_ENTRIES = 4096;

    private final Resolver resolver = new Resolver();
    private final Map<String, Tag> implicit = new ConcurrentHashMap<>();

    /** Returns the tag SnakeYAML's default resolver gives a node of this kind and value. */
    Tag resolve(NodeId kind, String value, boolean implicitTag) {
        if (kind != NodeId.scalar || !implicitTag || value.length() > MAX_VALUE_CHARS) {
            return resolver.resolve(kind, value, implicitTag);
        }
        Tag tag = implicit.get(value);
        if (tag == null) {
            tag = resolver.resolve(kind, value, true);
            if (implicit.size() < MAX_ENTRIES) {
                implicit.put(value, tag);
            }
        }
        return tag;
    }

    /** Returns a resolver for one composer that answers through these tags. */
    Resolver forComposer() {
        return new Delegating(this);
    }

    /** A SnakeYAML resolver that registers nothing itself and asks the shared tags. */
    private static final class Delegating extends Resolver {
        private final ScalarTags tags;

        Delegating(ScalarTags tags) {
            this.tags = tags;
        }

        @Override
        protected void addImplicitResolvers() {
            // every answer comes from the shared tags; registering resolvers here would only cost time
        }

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicitTag) {
            return tags.resolve(kind, value, implicitTag);
        }
    }
}
