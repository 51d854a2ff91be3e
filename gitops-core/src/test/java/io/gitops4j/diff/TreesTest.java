package io.gitops4j.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreesTest {

    @Test
    void agreesWithJacksonEqualityOnCopiesChangedCopiesAndServedCopies() {
        qt().withExamples(200)
                .forAll(ResourceTrees.resources(), longs().all(), integers().allPositive(), integers().between(0, 3))
                .checkAssert((tree, seed, pick, how) -> {
                    List<String> leaves = ResourceTrees.leaves(tree);
                    ObjectNode changed = tree.deepCopy();
                    ResourceTrees.mutate(changed, leaves.get(pick % leaves.size()), how);
                    ObjectNode served = ResourceTrees.serve(tree, seed);

                    assertThat(Trees.equal(tree, tree.deepCopy())).isTrue();
                    assertThat(Trees.equal(tree, changed)).isEqualTo(tree.equals(changed)).isFalse();
                    assertThat(Trees.equal(tree, served)).isEqualTo(tree.equals(served));
                });
    }

    @Test
    void keysInAnotherOrderAreStillEqual() {
        ObjectNode a = (ObjectNode) Yaml.tree("{x: 1, y: [1, {z: true}], w: null}");
        ObjectNode b = (ObjectNode) Yaml.tree("{w: null, y: [1, {z: true}], x: 1}");

        assertThat(Trees.equal(a, b)).isTrue();
        assertThat(Trees.equal(a, Yaml.tree("{w: null, y: [1, {z: false}], x: 1}"))).isFalse();
        assertThat(Trees.equal(a, Yaml.tree("{w: null, y: [1, {z: true}], v: 1}"))).isFalse();
    }
}
