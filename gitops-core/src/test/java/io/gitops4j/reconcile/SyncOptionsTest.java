package io.gitops4j.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.Resource;
import io.gitops4j.target.PropagationPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncOptionsTest {

    private static Resource annotated(Map<String, String> annotations) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = body.putObject("metadata").put("name", "a").put("namespace", "shop");
        annotations.forEach(metadata.withObjectProperty("annotations")::put);
        return Resource.of(body);
    }

    @Test
    void parsesEveryOptionInAnyCaseWithSpaces() {
        // when
        SyncOptions options = SyncOptions.parse(" prune=Confirm, Delete=false,Replace=true,Force=true,"
                + "CreateNamespace=true,PruneLast=true,PrunePropagationPolicy=Orphan,ApplyOutOfSyncOnly=false,"
                + "SkipDryRunOnMissingResource=true,FailOnSharedResource=true,Validate=false,,");

        // then
        assertThat(options.warnings()).isEmpty();
        assertThat(options.prune()).isEqualTo(SyncOptions.PruneMode.CONFIRM);
        assertThat(options.delete()).isFalse();
        assertThat(options.replace()).isTrue();
        assertThat(options.force()).isTrue();
        assertThat(options.createNamespace()).isTrue();
        assertThat(options.pruneLast()).isTrue();
        assertThat(options.prunePropagationPolicy()).isEqualTo(PropagationPolicy.ORPHAN);
        assertThat(options.applyOutOfSyncOnly()).isFalse();
        assertThat(options.skipDryRunOnMissingResource()).isTrue();
        assertThat(options.failOnSharedResource()).isTrue();
        assertThat(options.validate()).isFalse();
    }

    @Test
    void nothingSetMeansTheDefaults() {
        // when
        SyncOptions options = SyncOptions.none();

        // then
        assertThat(options.prune()).isEqualTo(SyncOptions.PruneMode.ENABLED);
        assertThat(options.delete()).isTrue();
        assertThat(options.replace() || options.force() || options.createNamespace() || options.pruneLast()
                || options.skipDryRunOnMissingResource() || options.failOnSharedResource() || options.ssaMerge())
                .isFalse();
        assertThat(options.applyOutOfSyncOnly()).isTrue();
        assertThat(options.validate()).isTrue();
        assertThat(options.prunePropagationPolicy()).isEqualTo(PropagationPolicy.BACKGROUND);
        assertThat(options).hasToString("");
    }

    @Test
    void anUnknownNameOrValueIsAWarningNamingItAndIsIgnored() {
        // when
        SyncOptions options = SyncOptions.parse("Prune=sometimes,Frobnicate=true,Replace");

        // then
        assertThat(options.prune()).isEqualTo(SyncOptions.PruneMode.ENABLED);
        assertThat(options.warnings()).hasSize(3);
        assertThat(options.warnings().get(0)).contains("\"Prune=sometimes\"").contains("true, false or confirm");
        assertThat(options.warnings().get(1)).contains("unknown sync option \"Frobnicate=true\"")
                .contains("PruneLast");
        assertThat(options.warnings().get(2)).contains("\"Replace\"");
    }

    @Test
    void ourAnnotationWinsOverArgoCdsAndFluxAnnotationsAreRead() {
        // when
        SyncOptions options = SyncOptions.of(annotated(Map.of(
                "argocd.argoproj.io/sync-options", "Replace=true,PruneLast=true",
                "gitops4j.io/sync-options", "Replace=false",
                "kustomize.toolkit.fluxcd.io/ssa", "Merge",
                "kustomize.toolkit.fluxcd.io/force", "Enabled")));

        // then
        assertThat(options.replace()).isFalse();
        assertThat(options.pruneLast()).isTrue();
        assertThat(options.ssaMerge()).isTrue();
        assertThat(options.force()).isTrue();
    }

    @Test
    void aWarningFromAnAnnotationNamesTheObjectAndTheAnnotation() {
        // when
        SyncOptions options = SyncOptions.of(annotated(Map.of("argocd.argoproj.io/sync-options", "Nope=1",
                "kustomize.toolkit.fluxcd.io/force", "yes")));

        // then
        assertThat(options.warnings()).anySatisfy(w -> assertThat(w).startsWith("ConfigMap/shop/a")
                .contains("argocd.argoproj.io/sync-options").contains("Nope=1"));
        assertThat(options.warnings()).anySatisfy(w -> assertThat(w).contains("kustomize.toolkit.fluxcd.io/force")
                .contains("yes"));
    }

    @Test
    void anObjectsOptionsOverrideTheApplicationsOptionByOption() {
        // given
        SyncOptions app = SyncOptions.builder().replace(true).pruneLast(true)
                .managedNamespaceMetadata(Map.of("team", "shop"), Map.of()).build();

        // when
        SyncOptions merged = app.overriddenBy(SyncOptions.parse("Replace=false,Force=true"));

        // then
        assertThat(merged.replace()).isFalse();
        assertThat(merged.pruneLast()).isTrue();
        assertThat(merged.force()).isTrue();
        assertThat(merged.managedNamespaceLabels()).containsEntry("team", "shop");
        assertThat(merged).hasToString("Replace=false,Force=true,PruneLast=true");
    }

    @Test
    void rendersAndReparsesToEqualOptions() {
        // given
        SyncOptions options = SyncOptions.parse("Prune=false,PrunePropagationPolicy=foreground,Validate=false");

        // when
        SyncOptions again = SyncOptions.parse(options.toString());

        // then
        assertThat(again).isEqualTo(options);
    }
}
