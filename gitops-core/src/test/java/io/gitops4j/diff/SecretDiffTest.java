package io.gitops4j.diff;

import static io.gitops4j.diff.Yaml.live;
import static io.gitops4j.diff.Yaml.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretDiffTest {
    private static final String SECRET_VALUE = "hunter2-s3cr3t";
    private static final String SECRET = """
            apiVersion: v1
            kind: Secret
            metadata: {name: db, namespace: shop}
            type: Opaque
            """;

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ResourceDiff diff(DefaultStateDiffer differ, String desired, String live) {
        Resource resource = resource(desired);
        return differ.diff(resource.key(), resource, live(live));
    }

    @Test
    void stringDataEqualsLiveDataHoldingItsBase64() {
        String desired = SECRET + "stringData: {password: " + SECRET_VALUE + ", user: app}\n";
        String live = SECRET + "data: {password: " + base64(SECRET_VALUE) + ", user: " + base64("app") + "}\n";

        assertThat(diff(DefaultStateDiffer.defaults(), desired, live).type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void changedSecretValueKeepsItsPathButIsRedacted() {
        String desired = SECRET + "stringData: {password: " + SECRET_VALUE + "}\n";
        String live = SECRET + "data: {password: " + base64("old-" + SECRET_VALUE) + "}\n";

        ResourceDiff diff = diff(DefaultStateDiffer.defaults(), desired, live);

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("/data/password");
            assertThat(change.redacted()).isTrue();
            assertThat(change.oldValue()).isEqualTo(FieldChange.REDACTED);
            assertThat(change.newValue()).isEqualTo(FieldChange.REDACTED);
            assertThat(change.toString()).doesNotContain(SECRET_VALUE).doesNotContain(base64(SECRET_VALUE));
        });
    }

    @Test
    void addedAndRemovedSecretDataAreRedacted() {
        String desired = SECRET + "data: {a: " + base64(SECRET_VALUE) + "}\n";
        String applied = SECRET + "data: {a: " + base64(SECRET_VALUE) + ", b: " + base64(SECRET_VALUE) + "}\n";
        Resource resource = resource(desired);

        ResourceDiff removed = DefaultStateDiffer.defaults().diff(resource.key(), resource, live(applied, applied));
        ResourceDiff added = diff(DefaultStateDiffer.defaults(), SECRET + "data: {c: x}\n", SECRET);

        assertThat(removed.changes()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("/data/b");
            assertThat(change.oldValue()).isEqualTo(FieldChange.REDACTED);
            assertThat(change.newValue()).isNull();
        });
        assertThat(added.changes()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("/data");
            assertThat(change.redacted()).isTrue();
        });
    }

    @Test
    void nonSecretFieldsOfASecretAreNotRedacted() {
        ResourceDiff diff = diff(DefaultStateDiffer.defaults(), SECRET.replace("Opaque", "kubernetes.io/tls"), SECRET);

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("/type");
            assertThat(change.redacted()).isFalse();
            assertThat(change.newValue().asText()).isEqualTo("kubernetes.io/tls");
        });
    }

    @Test
    void sensitivePathsOfOtherKindsAreRedacted() {
        DefaultStateDiffer differ = DefaultStateDiffer.builder()
                .sensitive("example.com", "Database", "/spec/users/*/password").build();
        String database = """
                apiVersion: example.com/v1
                kind: Database
                metadata: {name: db}
                spec:
                  users: [{name: app, password: %s, role: %s}]
                """;

        ResourceDiff diff = diff(differ, database.formatted(SECRET_VALUE, "admin"), database.formatted("old", "ro"));

        assertThat(diff.changes()).extracting(c -> c.path() + "=" + c.redacted()).containsExactly(
                "/spec/users/0/password=true", "/spec/users/0/role=false");
        assertThat(diff.changes().toString()).doesNotContain(SECRET_VALUE);
    }

    @Test
    void stringDataWinsOverDataOfTheSameKey() {
        String desired = SECRET + "data: {password: " + base64("stale") + ", user: " + base64("app") + "}\n"
                + "stringData: {password: " + SECRET_VALUE + "}\n";
        String live = SECRET + "data: {password: " + base64(SECRET_VALUE) + ", user: " + base64("app") + "}\n";

        assertThat(diff(DefaultStateDiffer.defaults(), desired, live).type()).isEqualTo(ChangeType.NONE);
    }
}
