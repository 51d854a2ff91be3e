package io.gitops4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.DeleteOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory target reports an object nobody wrote since the last observation as the same {@link LiveResource}
 * instance, and a new one, with the right last-applied content, after every kind of write.
 */
class InMemoryTargetReuseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemoryTarget target = InMemoryTarget.create();

    private static Resource settings(String data) {
        try {
            return Resource.of(JSON.readTree(("{'apiVersion':'v1','kind':'ConfigMap',"
                    + "'metadata':{'name':'settings','namespace':'shop'},'data':" + data + "}").replace('\'', '"')));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private LiveResource observe(ResourceKey key) {
        return target.observe(List.of(key)).get(key).orElseThrow();
    }

    private static String lastAppliedData(LiveResource live) {
        return live.lastApplied().orElseThrow().tree().path("data").toString();
    }

    @Test
    void reportsAnUnwrittenObjectAsTheSameInstance() {
        // given
        ResourceKey key = target.apply(settings("{'color':'blue'}"), ApplyOptions.DEFAULT).key();

        // when
        LiveResource first = observe(key);
        LiveResource second = observe(key);

        // then
        assertThat(second).isSameAs(first);
        assertThat(lastAppliedData(second)).isEqualTo("{\"color\":\"blue\"}");
    }

    @Test
    void keepsTheInstanceAcrossAnApplyOrDryRunThatChangesNothing() {
        // given
        Resource blue = settings("{'color':'blue'}");
        ResourceKey key = target.apply(blue, ApplyOptions.DEFAULT).key();
        LiveResource before = observe(key);

        // when
        target.apply(blue, ApplyOptions.DEFAULT);
        target.apply(settings("{'color':'green'}"), ApplyOptions.DEFAULT.withDryRun(true));

        // then
        assertThat(observe(key)).isSameAs(before);
    }

    @Test
    void reportsANewInstanceAfterAnApplyThatChangesTheObject() {
        // given
        ResourceKey key = target.apply(settings("{'color':'blue'}"), ApplyOptions.DEFAULT).key();
        LiveResource before = observe(key);

        // when
        target.apply(settings("{'color':'green'}"), ApplyOptions.DEFAULT);
        LiveResource after = observe(key);

        // then
        assertThat(after).isNotSameAs(before);
        assertThat(after.object().tree().path("data").path("color").asText()).isEqualTo("green");
        assertThat(lastAppliedData(after)).isEqualTo("{\"color\":\"green\"}");
    }

    @Test
    void reportsANewInstanceWhenOnlyWhatWasAppliedChanges() {
        // given another actor set a field, which an apply then declares with the same value
        ResourceKey key = target.apply(settings("{'color':'blue'}"), ApplyOptions.DEFAULT).key();
        target.edit(key, tree -> {
            tree.with("data").put("size", "L");
            return tree;
        });
        LiveResource before = observe(key);

        // when
        target.apply(settings("{'color':'blue','size':'L'}"), ApplyOptions.DEFAULT);
        LiveResource after = observe(key);

        // then the live object is the same content, but what was applied is not
        assertThat(after).isNotSameAs(before);
        assertThat(after.object()).isEqualTo(before.object());
        assertThat(lastAppliedData(after)).isEqualTo("{\"color\":\"blue\",\"size\":\"L\"}");
    }

    @Test
    void reportsANewInstanceAfterAnEditByAnotherActor() {
        // given
        ResourceKey key = target.apply(settings("{'color':'blue'}"), ApplyOptions.DEFAULT).key();
        LiveResource before = observe(key);

        // when
        target.edit(key, tree -> {
            tree.with("data").put("color", "red");
            return tree;
        });
        LiveResource after = observe(key);

        // then
        assertThat(after).isNotSameAs(before);
        assertThat(after.object().tree().path("data").path("color").asText()).isEqualTo("red");
        assertThat(lastAppliedData(after)).isEqualTo("{\"color\":\"blue\"}");
        assertThat(observe(key)).isSameAs(after);
    }

    @Test
    void reportsANewInstanceForARecreatedObject() {
        // given
        Resource blue = settings("{'color':'blue'}");
        ResourceKey key = target.apply(blue, ApplyOptions.DEFAULT).key();
        LiveResource before = observe(key);

        // when
        target.delete(key, DeleteOptions.DEFAULT);
        boolean goneInBetween = target.observe(List.of(key)).get(key).isEmpty();
        target.apply(blue, ApplyOptions.DEFAULT);
        LiveResource after = observe(key);

        // then
        assertThat(goneInBetween).isTrue();
        assertThat(after).isNotSameAs(before);
        assertThat(after.object().tree().at("/metadata/uid").asText())
                .isNotEqualTo(before.object().tree().at("/metadata/uid").asText());
        assertThat(lastAppliedData(after)).isEqualTo("{\"color\":\"blue\"}");
    }

    @Test
    void reportsASeededObjectWithoutLastAppliedAsTheSameInstance() {
        // given
        Resource foreign = settings("{'owner':'someone-else'}");
        target.seed(foreign);

        // when
        LiveResource first = observe(foreign.key());
        LiveResource second = observe(foreign.key());

        // then
        assertThat(second).isSameAs(first);
        assertThat(second.lastApplied()).isEmpty();
    }
}
