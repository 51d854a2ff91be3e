package io.gitops4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyOrderCursorTest {
    private static final ResourceKey A = ResourceKey.of("", "ConfigMap", "shop", "a");
    private static final ResourceKey B = ResourceKey.of("", "ConfigMap", "shop", "b");
    private static final ResourceKey C = ResourceKey.of("", "ConfigMap", "shop", "c");
    private static final ResourceKey D = ResourceKey.of("", "ConfigMap", "shop", "d");

    @Test
    void seekFindsEachKeyInOneForwardPassAndSkipsKeysNotAsked() {
        KeyOrderCursor<ResourceKey> cursor = new KeyOrderCursor<>(new ResourceKey[] {A, B, D}, key -> key);

        assertThat(cursor.seek(ResourceKey.of("", "ConfigMap", "shop", "b"))).isSameAs(B);
        assertThat(cursor.seek(C)).isNull();
        assertThat(cursor.peek()).isSameAs(D);
        assertThat(cursor.seek(D)).isSameAs(D);
        assertThat(cursor.seek(ResourceKey.of("", "ConfigMap", "shop", "e"))).isNull();
        assertThat(cursor.peek()).isNull();
    }

    @Test
    void peekAndAdvanceWalkWithoutComparing() {
        KeyOrderCursor<ResourceKey> cursor = new KeyOrderCursor<>(new ResourceKey[] {A, B}, key -> key);

        assertThat(cursor.peek()).isSameAs(A);
        cursor.advance();
        assertThat(cursor.peek()).isSameAs(B);
        assertThat(cursor.seek(A)).isNull();
        assertThat(cursor.seek(B)).isSameAs(B);
    }
}
