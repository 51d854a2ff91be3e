package io.gitops4j.testkit.gen;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories {@link Gen} adapters over {@link ResourceGenerator}, so properties read
 * {@code qt().forAll(Generators.resources(1, 30)).check(...)}.
 *
 * <p>Values derive from a generated seed and size; shrinking reduces the size and the seed. Counter-examples
 * print the seed, which reproduces them with {@code new ResourceGenerator(seed)}. Stateless and thread-safe.
 */
public final class Generators {
    private Generators() {
    }

    /**
     * Returns seeded generators, for properties that need several related values (a state, its perturbations,
     * its file layout).
     *
     * @return a generator of {@link ResourceGenerator}s
     */
    public static Gen<ResourceGenerator> resourceGenerators() {
        return Generate.longRange(0, Long.MAX_VALUE).map(ResourceGenerator::new)
                .describedAs(generator -> "ResourceGenerator(seed=" + generator.seed() + ")");
    }

    /**
     * Returns lists of resources with unique keys, as {@link ResourceGenerator#resources(int)}.
     *
     * @param minSize the fewest resources, zero or more
     * @param maxSize the most resources
     * @return the generator
     */
    public static Gen<List<Resource>> resources(int minSize, int maxSize) {
        return Generate.range(minSize, maxSize).zip(Generate.longRange(0, Long.MAX_VALUE),
                        (size, seed) -> new ResourceGenerator(seed).resources(size))
                .describedAs(list -> list.size() + " resources " + list);
    }

    /**
     * Returns desired states, as {@link ResourceGenerator#desiredState(String, int)} with revision {@code r1}.
     *
     * @param minSize the fewest resources, zero or more
     * @param maxSize the most resources
     * @return the generator
     */
    public static Gen<DesiredState> desiredStates(int minSize, int maxSize) {
        return resources(minSize, maxSize).map(resources -> DesiredState.of("r1", resources))
                .describedAs(state -> state.size() + " resources " + state.keys());
    }
}
