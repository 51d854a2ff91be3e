package io.gitops4j.diff;

import static io.gitops4j.diff.Yaml.live;
import static io.gitops4j.diff.Yaml.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffFormatterTest {
    private static final String SECRET_VALUE = "correct-horse-battery";
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              labels: {app: web, %s}
            spec:
              replicas: %d
            """;
    private static final String SECRET = """
            apiVersion: v1
            kind: Secret
            metadata: {name: db, namespace: shop}
            """;

    private final DiffFormatter formatter = DiffFormatter.defaults();

    private static StateDiff sampleDiff() {
        Resource web = resource(DEPLOYMENT.formatted("tier: front", 3));
        LiveResource webLive = live(DEPLOYMENT.formatted("old: x", 2), DEPLOYMENT.formatted("old: x", 2));
        Resource settings = resource("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\n");
        Resource secret = resource(SECRET + "stringData: {password: " + SECRET_VALUE + "}\n");
        LiveResource secretLive = live(SECRET + "data: {password: " + base64("old") + "}\n");
        Resource same = resource("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same, namespace: shop}\n");
        LiveResource legacy = live("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: legacy, namespace: shop}\n");
        return DefaultStateDiffer.defaults().diff(DesiredState.of("rev", List.of(web, settings, secret, same)),
                LiveState.of(List.of(webLive, secretLive, LiveResource.of(same), legacy)));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rendersStateAsStableText() {
        String text = formatter.text(sampleDiff());

        assertThat(text).isEqualTo("""
                - ConfigMap/shop/legacy (delete)
                + ConfigMap/shop/settings (new)
                ~ Secret/shop/db
                  ~ /data/password: <redacted> -> <redacted>
                ~ apps/Deployment/shop/web
                  - /metadata/labels/old: "x"
                  + /metadata/labels/tier: "front"
                  ~ /spec/replicas: 2 -> 3
                4 to change: 1 create, 2 update, 1 delete; 1 in sync
                """);
    }

    @Test
    void rendersStateAsJsonWithoutResourcesInSync() {
        ObjectNode json = formatter.json(sampleDiff());

        assertThat(json.get("summary").toString()).isEqualTo("{\"create\":1,\"update\":2,\"delete\":1,\"none\":1}");
        assertThat(json.get("resources")).hasSize(4);
        ObjectNode web = (ObjectNode) json.get("resources").get(3);
        assertThat(web.get("key").asText()).isEqualTo("apps/Deployment/shop/web");
        assertThat(web.get("changes").get(2).toString()).isEqualTo(
                "{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"old\":2,\"new\":3,\"redacted\":false}");
    }

    @Test
    void secretValuesAppearNowhere() {
        StateDiff diff = sampleDiff();

        assertThat(formatter.text(diff)).doesNotContain(SECRET_VALUE).doesNotContain(base64(SECRET_VALUE));
        assertThat(formatter.jsonText(diff)).doesNotContain(SECRET_VALUE).doesNotContain(base64(SECRET_VALUE));
        for (ResourceDiff resource : diff.resources().values()) {
            assertThat(resource.toString() + resource.changes()).doesNotContain(SECRET_VALUE)
                    .doesNotContain(base64(SECRET_VALUE));
        }
    }

    @Test
    void unredactedSecretChangesFromAnotherDifferAreRedactedAnyway() {
        Resource secret = resource(SECRET + "data: {password: " + base64(SECRET_VALUE) + "}\n");
        ResourceDiff diff = new ResourceDiff.Update(secret, live(SECRET), List.of(
                FieldChange.add("/data", secret.tree().get("data")),
                FieldChange.replace("/stringData/password", TextNode.valueOf("a"), TextNode.valueOf(SECRET_VALUE))));

        String text = formatter.text(diff) + formatter.jsonText(diff);

        assertThat(text).doesNotContain(SECRET_VALUE).doesNotContain(base64(SECRET_VALUE)).contains("<redacted>");
    }

    @Test
    void sameDiffRendersToTheSameBytes() {
        assertThat(formatter.text(sampleDiff())).isEqualTo(formatter.text(sampleDiff()));
        assertThat(formatter.jsonText(sampleDiff())).isEqualTo(formatter.jsonText(sampleDiff()));
    }

    @Test
    void longValuesAreShortenedInTextOnly() {
        String longValue = "v".repeat(100);
        Resource desired = resource(DEPLOYMENT.formatted("big: " + longValue, 2));
        ResourceDiff diff = DefaultStateDiffer.defaults().diff(desired.key(), desired,
                live(DEPLOYMENT.formatted("small: x", 2)));
        DiffFormatter shortening = DiffFormatter.builder().maxValueLength(20).build();

        assertThat(shortening.text(diff)).contains("+ /metadata/labels/big: \"vvvvvvvvvvvvvvvvvvv... (82 more characters)");
        assertThat(shortening.jsonText(diff)).contains(longValue);
    }

    @Test
    void resourceInSyncRendersAsOneLine() {
        Resource same = resource(DEPLOYMENT.formatted("a: b", 1));

        String text = formatter.text(DefaultStateDiffer.defaults().diff(same.key(), same, LiveResource.of(same)));

        assertThat(text).isEqualTo("= apps/Deployment/shop/web (in sync)\n");
    }

    @Test
    void fieldChangeToStringShowsOperationPathAndValues() {
        FieldChange change = FieldChange.replace("/spec/replicas", TextNode.valueOf("a"), TextNode.valueOf("b"));

        assertThat(change).hasToString("REPLACE /spec/replicas: \"a\" -> \"b\"");
        assertThat(change.redact()).hasToString("REPLACE /spec/replicas: <redacted> -> <redacted>");
    }
}
