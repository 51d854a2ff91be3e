package io.gitops4j.testkit.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.CanonicalJson;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceGeneratorTest {

    @Test
    void theSameSeedGivesTheSameResources() {
        // when
        List<Resource> first = new ResourceGenerator(7).resources(40);
        List<Resource> second = new ResourceGenerator(7).resources(40);

        // then
        assertThat(second).isEqualTo(first);
        assertThat(new ResourceGenerator(8).resources(40)).isNotEqualTo(first);
    }

    @Test
    void desiredStatesHaveUniqueKeysAndStartWithANamespace() {
        qt().withExamples(30).forAll(Generators.resources(1, 60)).checkAssert(resources -> {
            assertThat(resources).extracting(Resource::key).doesNotHaveDuplicates();
            assertThat(resources.get(0).kind()).isEqualTo("Namespace");
            assertThat(resources).allMatch(r -> r.kind().equals("Namespace") || !r.key().namespace().isEmpty());
        });
    }

    @Test
    void deploymentsHaveATypicalSize() {
        // when
        Resource deployment = new ResourceGenerator(1).deployment("shop", "web");

        // then
        assertThat(CanonicalJson.toString(deployment.tree()).length()).isBetween(1200, 2000);
    }

    @Test
    void fileLayoutsLoadBackToTheSameState() {
        // given
        ResourceGenerator generator = new ResourceGenerator(3);
        List<Resource> resources = generator.resources(15);

        // when
        DesiredState loaded = ManifestLoader.defaults().load("r1", generator.files(resources));

        // then
        assertThat(loaded).isEqualTo(DesiredState.of("r1", resources));
    }

    @Test
    void changedCopiesDifferAndPerturbationsEditTheTree() {
        // given
        ResourceGenerator generator = new ResourceGenerator(5);
        for (Resource resource : generator.resources(20)) {
            // when
            Resource changed = generator.changed(resource);
            ObjectNode perturbed = generator.perturbation().apply(resource.body());

            // then
            assertThat(changed.key()).isEqualTo(resource.key());
            assertThat(changed).isNotEqualTo(resource);
            assertThat(perturbed).isNotEqualTo(resource.tree());
        }
    }
}
