package io.gitops4j.samples.readme;

import static io.gitops4j.testkit.assertions.GitOpsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.git.GitRef;
import io.gitops4j.git.GitSource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The complete test shown in samples/README.md, "Testing your integration" (keep the two in step). */
class ShopDeploymentTest {
    static final String CONFIG = "ConfigMap/shop/settings";
    static final String SERVICE = "Service/shop/web";

    GitRepoFixture repo;
    GitSource source;
    InMemoryTarget cluster;
    GitOpsEngine engine;

    @BeforeEach
    void setUp() {
        repo = GitRepoFixture.create();                       // a real bare Git repository in a temp folder
        repo.commit(Map.of(
                "deploy/config.yaml", configMap("blue"),
                "deploy/service.yaml", service()));
        source = GitSource.builder().uri(repo.fileUri()).ref(GitRef.branch("main")).path("deploy").build();
        cluster = InMemoryTarget.create();                    // a fake cluster: server fields, SSA merge, faults
        engine = GitOpsEngine.builder().application("shop").source(source).target(cluster).build();
    }

    @AfterEach
    void tearDown() {
        source.close();
        repo.close();
    }

    @Test
    void aCommitThatRemovesAServicePrunesIt() {
        // given
        assertThat(engine.reconcile()).succeeded().created(CONFIG, SERVICE);

        // when
        repo.replaceTree("main", "new colour, no service", Map.of("deploy/config.yaml", configMap("green")));
        ReconcileResult result = engine.reconcile();

        // then
        assertThat(result).updated(CONFIG).pruned(SERVICE);
        assertThat(result.plan()).changesField(CONFIG, "/data/colour");
        assertThat(cluster.contents()).doesNotContainKey(ResourceKey.parse(SERVICE));
        assertThat(engine.reconcile()).isConverged();
    }

    @Test
    void driftOnALiveObjectIsCorrected() {
        // given
        engine.reconcile();
        cluster.edit(ResourceKey.parse(CONFIG), live -> {
            live.with("data").put("colour", "pink");          // someone edits the live object
            return live;
        });

        // when
        ReconcileResult result = engine.reconcile();

        // then
        assertThat(result).updated(CONFIG).didNotTouch(SERVICE);
        assertThat(result.plan()).changesField(CONFIG, "/data/colour");
    }

    @Test
    void aFailedApplyFailsTheRunAndPrunesNothing() {
        // given
        engine.reconcile();
        repo.replaceTree("main", "new colour, no service", Map.of("deploy/config.yaml", configMap("green")));
        cluster.failAppliesTo(ResourceKey.parse(CONFIG));     // fault injection

        // when
        ReconcileResult result = engine.reconcile();

        // then
        assertThat(result).failed(CONFIG).skipped(SERVICE).failedWith("injected");
        assertThat(cluster.contents()).containsKey(ResourceKey.parse(SERVICE));
    }

    static String configMap(String colour) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: shop}
                data: {colour: %s}
                """.formatted(colour);
    }

    static String service() {
        return """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {app: web}
                  ports: [{port: 80}]
                """;
    }
}
