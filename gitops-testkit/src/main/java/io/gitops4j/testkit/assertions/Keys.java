package io.gitops4j.testkit.assertions;

import io.gitops4j.model.ResourceKey;

/** Accepts keys as {@link ResourceKey}s or as their text form. Stateless. */
final class Keys {

    private Keys() {
    }

    static ResourceKey of(Object key) {
        if (key instanceof ResourceKey resourceKey) {
            return resourceKey;
        }
        if (key instanceof String text) {
            return ResourceKey.parse(text);
        }
        throw new IllegalArgumentException("a key is a ResourceKey or its text form such as "
                + "'apps/Deployment/shop/web'; got " + key);
    }
}
