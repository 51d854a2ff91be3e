package io.gitops4j.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPointersTest {

    @Test
    void escapesTildeBeforeSlashAndParsesBack() {
        String key = "a/b~c~1";

        String escaped = JsonPointers.escape(key);

        assertThat(escaped).isEqualTo("a~1b~0c~01");
        assertThat(JsonPointers.parse("/metadata/" + escaped)).containsExactly("metadata", key);
        assertThat(JsonPointers.parse("")).isEmpty();
        assertThat(JsonPointers.parse("/")).containsExactly("");
    }

    @Test
    void rejectsTextThatIsNotAPointer() {
        assertThatThrownBy(() -> JsonPointers.parse("spec")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonPointers.parse("/a~")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersIndicesNumericallyAndParentsFirst() {
        List<String> paths = new ArrayList<>(List.of("/spec/b", "/spec/10", "/spec/2", "/spec", "/spec/a/x",
                "/metadata", "/spec/a"));

        paths.sort(JsonPointers.ORDER);

        assertThat(paths).containsExactly("/metadata", "/spec", "/spec/2", "/spec/10", "/spec/a", "/spec/a/x",
                "/spec/b");
    }
}
