package io.gitops4j.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link LiveObjectCache} reuses, rebuilds and forgets, on objects as the server would return them. */
class LiveObjectCacheTest {
    private final List<GenericKubernetesResource> built = new ArrayList<>();

    private static GenericKubernetesResource object(String name, String apiVersion, String uid, String version) {
        GenericKubernetesResource object = new GenericKubernetesResource();
        object.setApiVersion(apiVersion);
        object.setKind("Widget");
        object.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("shop").withUid(uid)
                .withResourceVersion(version).build());
        return object;
    }

    private static ResourceKey key(String name) {
        return ResourceKey.of("example.com", "Widget", "shop", name);
    }

    private LiveResource build(GenericKubernetesResource object) {
        built.add(object);
        ObjectNode tree = JsonNodeFactory.instance.objectNode().put("apiVersion", object.getApiVersion())
                .put("kind", "Widget");
        tree.putObject("metadata").put("name", object.getMetadata().getName()).put("namespace", "shop");
        return LiveResource.of(Resource.of(tree));
    }

    @Test
    void reusesOnlyForTheSameUidResourceVersionAndApiVersion() {
        // given
        LiveObjectCache cache = LiveObjectCache.ofMaximumSize(10);
        LiveResource first = cache.reuseOrBuild(key("w"), object("w", "example.com/v1", "u1", "5"), this::build);

        // when
        LiveResource same = cache.reuseOrBuild(key("w"), object("w", "example.com/v1", "u1", "5"), this::build);
        LiveResource otherVersion = cache.reuseOrBuild(key("w"), object("w", "example.com/v2", "u1", "5"),
                this::build);
        LiveResource otherResourceVersion = cache.reuseOrBuild(key("w"), object("w", "example.com/v2", "u1", "6"),
                this::build);
        LiveResource otherUid = cache.reuseOrBuild(key("w"), object("w", "example.com/v2", "u2", "6"), this::build);

        // then
        assertThat(same).isSameAs(first);
        assertThat(otherVersion).isNotSameAs(first);
        assertThat(otherResourceVersion).isNotSameAs(otherVersion);
        assertThat(otherUid).isNotSameAs(otherResourceVersion);
        assertThat(built).hasSize(4);
    }

    @Test
    void neverRemembersAnObjectWithoutUidOrResourceVersion() {
        // given
        LiveObjectCache cache = LiveObjectCache.ofMaximumSize(10);
        cache.reuseOrBuild(key("w"), object("w", "v1", "u1", "5"), this::build);

        // when
        LiveResource noUid = cache.reuseOrBuild(key("w"), object("w", "v1", null, "5"), this::build);
        LiveResource noUidAgain = cache.reuseOrBuild(key("w"), object("w", "v1", null, "5"), this::build);
        cache.reuseOrBuild(key("x"), object("x", "v1", "u2", ""), this::build);

        // then
        assertThat(noUidAgain).isNotSameAs(noUid);
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinItsBound() {
        // given
        LiveObjectCache cache = LiveObjectCache.ofMaximumSize(2);

        // when
        for (int i = 0; i < 5; i++) {
            cache.reuseOrBuild(key("w" + i), object("w" + i, "v1", "u" + i, "1"), this::build);
        }

        // then
        assertThat(cache.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void sizeZeroRemembersNothingAndANegativeSizeIsRejected() {
        // given
        LiveObjectCache off = LiveObjectCache.ofMaximumSize(0);

        // when
        LiveResource first = off.reuseOrBuild(key("w"), object("w", "v1", "u1", "5"), this::build);
        LiveResource second = off.reuseOrBuild(key("w"), object("w", "v1", "u1", "5"), this::build);

        // then
        assertThat(second).isNotSameAs(first);
        assertThat(off.size()).isZero();
        assertThatThrownBy(() -> LiveObjectCache.ofMaximumSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
