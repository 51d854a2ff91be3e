package io.gitops4j.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryInventoryStoreTest {

    @Test
    void savesReplacesAndRemovesPerApplication() {
        // given
        InMemoryInventoryStore store = new InMemoryInventoryStore();
        Inventory first = Inventory.of("shop", Revision.of("a1"), List.of(ResourceKey.parse("ConfigMap/shop/a")));
        Inventory second = Inventory.of("shop", Revision.of("b2"), List.of(ResourceKey.parse("ConfigMap/shop/b")));
        Inventory other = Inventory.of("blog", Revision.of("c3"), List.of());

        // when
        store.save(first);
        store.save(other);
        store.save(second);

        // then
        assertThat(store.load("shop")).contains(second);
        assertThat(store.load("blog")).contains(other);
        assertThat(store.load("none")).isEmpty();
        store.remove("shop");
        assertThat(store.load("shop")).isEmpty();
    }
}
