package io.gitops4j.samples.embed;

import static io.gitops4j.testkit.assertions.GitOpsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.samples.demo.DemoManifests;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomTargetExampleTest {

    @Test
    void reconcilesTheDemoAppIntoAFolderAndPrintsThePlan(@TempDir Path temp) {
        // given
        Path manifests = DemoManifests.writeTo("v1", temp.resolve("manifests"));
        Path live = temp.resolve("live");
        StringWriter out = new StringWriter();

        // when
        ReconcileResult first = CustomTargetExample.reconcile(manifests, live, new PrintWriter(out));
        ReconcileResult second = CustomTargetExample.reconcile(manifests, live, new PrintWriter(new StringWriter()));

        // then
        assertThat(first).succeeded().created("Namespace/demo-shop", "apps/Deployment/demo-shop/shop");
        assertThat(second).isConverged();
        assertThat(live.resolve("apps/Deployment/demo-shop/shop.json")).exists();
        assertThat(Files.exists(live.resolve(".inventory/folder-example.json"))).isTrue();
        assertThat(out.toString()).contains("Plan: 5 to create", "APPLIED revision");
    }
}
