package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.StepResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventMessagesTest {

    private static StepResult failed(String key, String message) {
        return new StepResult(ResourceKey.parse(key), ChangeType.UPDATE, StepResult.Status.FAILED, message,
                Duration.ZERO);
    }

    @Test
    void aSecretsFailureNamesTheSecretAndRevisionButLeavesTheServerMessageOut() {
        String message = EventMessages.failed("shop", "abc123",
                failed("Secret/shop/db", "Secret \"db\" is invalid: data[password]: Invalid value: \"hunter2\""));

        assertThat(message).contains("Secret/shop/db", "abc123", "shop").doesNotContain("hunter2", "Invalid value");
    }

    @Test
    void otherKindsKeepTheServerMessageWithQuotedValuesMasked() {
        String message = EventMessages.failed("shop", "abc123",
                failed("ConfigMap/shop/a", "data[k]: Invalid value: \"token=xyz\": a valid config key ..."));

        assertThat(message).contains("Invalid value", "a valid config key").doesNotContain("token=xyz");
    }
}
