package io.gitops4j.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class DifferPropertiesTest {
    private final DefaultStateDiffer differ = DefaultStateDiffer.defaults();

    private ResourceDiff diff(ObjectNode desired, ObjectNode live, ObjectNode lastApplied) {
        Resource resource = Resource.of(desired);
        return differ.diff(resource.key(), resource,
                LiveResource.of(Resource.of(live), lastApplied == null ? null : Resource.of(lastApplied)));
    }

    @Test
    void liveMadeFromDesiredWithServerFieldsIsInSync() {
        qt().withExamples(300).forAll(ResourceTrees.resources(), longs().all()).checkAssert((desired, seed) -> {
            ObjectNode live = ResourceTrees.serve(desired, seed);

            assertThat(diff(desired, live, null).changes()).isEmpty();
            assertThat(diff(desired, live, desired).type()).isEqualTo(ChangeType.NONE);
        });
    }

    @Test
    void oneChangedDeclaredLeafIsExactlyOneChangeAtItsPath() {
        qt().withExamples(300)
                .forAll(ResourceTrees.resources(), longs().all(), integers().allPositive(), integers().between(0, 2))
                .checkAssert((desired, seed, pick, how) -> {
                    List<String> leaves = ResourceTrees.leaves(desired);
                    String pointer = leaves.get(pick % leaves.size());
                    ObjectNode changed = desired.deepCopy();
                    ResourceTrees.mutate(changed, pointer, how);
                    ObjectNode live = ResourceTrees.serve(changed, seed);

                    ResourceDiff diff = diff(desired, live, null);

                    assertThat(diff.changes()).singleElement().satisfies(change -> {
                        assertThat(change.path()).isEqualTo(pointer);
                        assertThat(change.operation()).isEqualTo(FieldChange.Operation.REPLACE);
                    });
                });
    }

    @Test
    void leafDroppedFromDesiredThatWasAppliedIsExactlyOneRemoval() {
        qt().withExamples(200).forAll(ResourceTrees.resources(), longs().all(), integers().allPositive())
                .checkAssert((applied, seed, pick) -> {
                    List<String> leaves = ResourceTrees.leaves(applied);
                    String pointer = leaves.get(pick % leaves.size());
                    ObjectNode desired = applied.deepCopy();
                    ResourceTrees.drop(desired, pointer);
                    ObjectNode live = ResourceTrees.serve(applied, seed);

                    ResourceDiff diff = diff(desired, live, applied);

                    assertThat(diff.changes()).singleElement().satisfies(change -> {
                        assertThat(change.operation()).isIn(FieldChange.Operation.REMOVE,
                                FieldChange.Operation.REPLACE);
                        assertThat(pointer).startsWith(change.path());
                    });
                });
    }
}
