package io.gitops4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A server error that echoes the request body must not carry a Secret's values into what the engine keeps. */
class SecretsInErrorsTest {
    private static final String PASSWORD = "hunter2-correct-horse";
    private static final String TOKEN = "tok-5f3a9c1e77";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void secretValuesEchoedInAnApplyErrorAreMaskedInTheResultAndTheEvents() {
        // given a Secret with data and stringData, whose apply fails with an error echoing its body
        Resource secret = Resource.of(JSON.valueToTree(Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", Map.of("name", "db", "namespace", "shop"),
                "data", Map.of("password", base64(PASSWORD)), "stringData", Map.of("token", TOKEN))));
        InMemoryTarget target = InMemoryTarget.create();
        target.failAppliesTo(secret.key(), "admission webhook denied the request {\"data\":{\"password\":\""
                + base64(PASSWORD) + "\"},\"stringData\":{\"token\":\"" + TOKEN + "\"}} (decoded: " + PASSWORD + ", "
                + base64(TOKEN) + ")");
        List<String> events = new CopyOnWriteArrayList<>();
        GitOpsEngine engine = GitOpsEngine.builder().application("shop")
                .source(InMemorySource.of(DesiredState.of("r1", List.of(secret)))).target(target)
                .listener(new ReconcileListener() {
                    @Override
                    public void stepFailed(String application, StepResult step) {
                        events.add(step.message());
                    }
                }).build();

        // when
        ReconcileResult result = engine.reconcile();

        // then
        String kept = result + " " + result.steps() + " " + result.failedSteps() + " " + events;
        assertThat(result.failedSteps()).singleElement()
                .satisfies(step -> assertThat(step.message()).contains("admission webhook denied", "***"));
        assertThat(events).singleElement().satisfies(message -> assertThat(message).contains("***"));
        assertThat(kept).doesNotContain(PASSWORD, base64(PASSWORD), TOKEN, base64(TOKEN));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
