package io.gitops4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.diff.FieldChange;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link StateDiffer} keeps, as a JUnit 5 suite: extend it, implement {@link #newDiffer()}, and the
 * cases run against your differ.
 *
 * <pre>{@code
 * class MyDifferContractTest extends StateDifferContract {
 *     @Override protected StateDiffer newDiffer() { return new MyDiffer(); }
 * }
 * }</pre>
 *
 * <p>The cases diff Kubernetes-shaped ConfigMaps and Secrets: create, update, delete and in sync; the three-way
 * removal of a field last applied and no longer desired; server-populated fields and {@code status} are not drift;
 * Secret values never appear in changes; the same inputs give equal diffs.
 */
public abstract class StateDifferContract {
    private static final String SECRET_OLD = "old-password-value";
    private static final String SECRET_NEW = "new-password-value";

    /**
     * Creates the differ under test; each case gets its own.
     *
     * @return the differ
     */
    protected abstract StateDiffer newDiffer();

    /**
     * Returns the kind of change a diff stands for, one of {@code CREATE}, {@code UPDATE}, {@code DELETE} and
     * {@code NONE} (in sync). The only place the contract reads a diff's kind.
     */
    private static String changeOf(ResourceDiff diff) {
        return diff.type().name();
    }

    private static Resource object(String kind, String name, Map<String, String> data, Consumer<ObjectNode> more) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "v1").put("kind", kind);
        body.putObject("metadata").put("name", name).put("namespace", "contract");
        ObjectNode entries = body.putObject("data");
        data.forEach(entries::put);
        more.accept(body);
        return Resource.of(body);
    }

    private static Resource configMap(String name, Map<String, String> data) {
        return object("ConfigMap", name, data, body -> { });
    }

    /** The object as an API server returns it: the declared fields plus what the server adds. */
    private static Resource served(Resource declared) {
        ObjectNode body = declared.tree().deepCopy();
        ObjectNode metadata = body.withObjectProperty("metadata");
        metadata.put("uid", "6f1c8a52-0000-4000-8000-000000000001").put("resourceVersion", "4711")
                .put("generation", 3).put("creationTimestamp", "2026-01-01T00:00:00Z");
        metadata.putArray("managedFields").addObject().put("manager", "gitops4j").put("operation", "Apply");
        body.putObject("status").put("phase", "Active").put("observedGeneration", 3);
        return Resource.of(body);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDeclaredResourceThatIsNotLiveIsACreate() {
        Resource desired = configMap("settings", Map.of("mode", "fast"));

        ResourceDiff diff = newDiffer().diff(desired.key(), desired, null);

        assertThat(diff.key()).isEqualTo(desired.key());
        assertThat(changeOf(diff)).isEqualTo("CREATE");
        assertThat(diff.hasChanges()).isTrue();
    }

    @Test
    void aLiveResourceThatIsNoLongerDeclaredIsADelete() {
        Resource live = served(configMap("settings", Map.of("mode", "fast")));

        ResourceDiff diff = newDiffer().diff(live.key(), null, LiveResource.of(live, live));

        assertThat(diff.key()).isEqualTo(live.key());
        assertThat(changeOf(diff)).isEqualTo("DELETE");
        assertThat(diff.hasChanges()).isTrue();
    }

    @Test
    void aChangedDeclaredFieldIsAnUpdateNamingTheField() {
        Resource applied = configMap("settings", Map.of("mode", "fast", "size", "1"));
        Resource desired = configMap("settings", Map.of("mode", "safe", "size", "1"));

        ResourceDiff diff = newDiffer().diff(desired.key(), desired, LiveResource.of(served(applied), applied));

        assertThat(changeOf(diff)).isEqualTo("UPDATE");
        assertThat(diff.hasChanges()).isTrue();
        assertThat(diff.changes()).extracting(FieldChange::path).containsExactly("/data/mode");
    }

    @Test
    void aLiveResourceHoldingTheDeclaredFieldsIsInSync() {
        Resource desired = configMap("settings", Map.of("mode", "fast"));

        ResourceDiff diff = newDiffer().diff(desired.key(), desired, LiveResource.of(served(desired), desired));

        assertThat(changeOf(diff)).isEqualTo("NONE");
        assertThat(diff.hasChanges()).isFalse();
        assertThat(diff.changes()).isEmpty();
    }

    @Test
    void aFieldLastAppliedAndNoLongerDeclaredIsRemoved() {
        Resource applied = configMap("settings", Map.of("mode", "fast", "legacy", "yes"));
        Resource desired = configMap("settings", Map.of("mode", "fast"));

        ResourceDiff diff = newDiffer().diff(desired.key(), desired, LiveResource.of(served(applied), applied));

        assertThat(changeOf(diff)).isEqualTo("UPDATE");
        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("/data/legacy");
            assertThat(change.operation()).isEqualTo(FieldChange.Operation.REMOVE);
        });
    }

    @Test
    void serverFieldsStatusAndFieldsOfOtherManagersAreNotDrift() {
        Resource desired = configMap("settings", Map.of("mode", "fast"));
        ObjectNode live = served(desired).tree().deepCopy();
        live.withObjectProperty("metadata").putObject("annotations").put("example.org/set-by", "another-controller");

        ResourceDiff diff = newDiffer().diff(desired.key(), desired, LiveResource.of(Resource.of(live), desired));

        assertThat(changeOf(diff)).isEqualTo("NONE");
        assertThat(diff.changes()).isEmpty();
    }

    @Test
    void secretValuesAreRedactedInEveryChange() {
        Resource applied = object("Secret", "credentials", Map.of("password", base64(SECRET_OLD)),
                body -> body.put("type", "Opaque"));
        Resource desired = object("Secret", "credentials", Map.of("password", base64(SECRET_NEW)),
                body -> body.put("type", "Opaque"));

        ResourceDiff diff = newDiffer().diff(desired.key(), desired, LiveResource.of(served(applied), applied));

        assertThat(changeOf(diff)).isEqualTo("UPDATE");
        assertThat(diff.changes()).isNotEmpty().allSatisfy(change -> assertThat(change.redacted()).isTrue());
        String shown = diff.changes() + " " + diff;
        assertThat(shown).doesNotContain(base64(SECRET_OLD), base64(SECRET_NEW), SECRET_OLD, SECRET_NEW);
    }

    @Test
    void aStateDiffHasOneDiffPerKeyOfEitherSide() {
        Resource kept = configMap("kept", Map.of("v", "1"));
        Resource added = configMap("added", Map.of("v", "1"));
        Resource gone = served(configMap("gone", Map.of("v", "1")));
        DesiredState desired = DesiredState.of("r2", List.of(kept, added));
        LiveState live = LiveState.of(List.of(LiveResource.of(served(kept), kept), LiveResource.of(gone, gone)));

        StateDiff diff = newDiffer().diff(desired, live);

        assertThat(diff.resources().keySet()).containsExactlyInAnyOrder(kept.key(), added.key(), gone.key());
        assertThat(changeOf(diff.resources().get(kept.key()))).isEqualTo("NONE");
        assertThat(changeOf(diff.resources().get(added.key()))).isEqualTo("CREATE");
        assertThat(changeOf(diff.resources().get(gone.key()))).isEqualTo("DELETE");
    }

    @Test
    void diffingTheSameInputsTwiceGivesEqualDiffs() {
        Resource applied = configMap("a", Map.of("v", "1", "old", "x"));
        Resource desired = configMap("a", Map.of("v", "2"));
        Resource created = configMap("b", Map.of("v", "1"));
        DesiredState state = DesiredState.of("r1", List.of(desired, created));
        LiveState live = LiveState.of(List.of(LiveResource.of(served(applied), applied)));
        StateDiffer differ = newDiffer();

        StateDiff first = differ.diff(state, live);
        StateDiff second = differ.diff(state, live);
        StateDiff fresh = newDiffer().diff(state, live);

        assertThat(summary(second)).isEqualTo(summary(first)).isEqualTo(summary(fresh));
        assertThat(summary(first)).hasSize(2);
    }

    @Test
    void diffingNeitherSideIsRefused() {
        ResourceKey key = ResourceKey.of("", "ConfigMap", "contract", "nothing");

        assertThatThrownBy(() -> newDiffer().diff(key, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> summary(StateDiff diff) {
        return diff.inKeyOrder().stream()
                .map(d -> d.key() + " " + changeOf(d) + " " + d.hasChanges() + " " + d.changes())
                .toList();
    }
}
