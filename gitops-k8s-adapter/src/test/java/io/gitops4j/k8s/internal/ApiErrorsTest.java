package io.gitops4j.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.ConflictException;
import io.gitops4j.TargetException;
import org.junit.jupiter.api.Test;

/** Translating API server failures, with Status objects shaped like a real kube-apiserver's. */
class ApiErrorsTest {
    private static final ResourceKey KEY = ResourceKey.of("apps", "Deployment", "shop", "web");

    @Test
    void aFieldManagerConflictNamesTheOtherManagerAndFields() {
        Status status = new StatusBuilder().withCode(409).withReason("Conflict")
                .withMessage("Apply failed with 2 conflicts: conflicts with \"kubectl-edit\" using apps/v1:\n"
                        + "- .spec.replicas\n- .spec.template.spec.containers[name=\"web\"].image")
                .withNewDetails().withName("web").withGroup("apps").withKind("deployments")
                .addNewCause().withReason("FieldManagerConflict").withMessage("conflict with \"kubectl-edit\" using apps/v1")
                .withField(".spec.replicas").endCause()
                .addNewCause().withReason("FieldManagerConflict").withMessage("conflict with \"kubectl-edit\" using apps/v1")
                .withField(".spec.template.spec.containers[name=\"web\"].image").endCause()
                .endDetails().build();

        TargetException translated = ApiErrors.translate(new KubernetesClientException(status), KEY, "server-side apply");

        assertThat(translated).isInstanceOfSatisfying(ConflictException.class, conflict -> {
            assertThat(conflict.owner()).isEqualTo("kubectl-edit");
            assertThat(conflict.fields()).containsExactly(".spec.replicas",
                    ".spec.template.spec.containers[name=\"web\"].image");
            assertThat(conflict.getMessage()).startsWith(KEY.toString()).contains("force");
        });
    }

    @Test
    void aConflictWithoutStructuredCausesIsReadFromTheMessage() {
        Status status = new StatusBuilder().withCode(409).withReason("Conflict")
                .withMessage("Apply failed with 1 conflict: conflict with \"helm\" using v1: .data.color").build();

        TargetException translated = ApiErrors.translate(new KubernetesClientException(status), KEY, "server-side apply");

        assertThat(translated).isInstanceOfSatisfying(ConflictException.class, conflict -> {
            assertThat(conflict.owner()).isEqualTo("helm");
            assertThat(conflict.fields()).containsExactly(".data.color");
        });
    }

    @Test
    void anOptimisticLockConflictIsAPlainTargetError() {
        Status status = new StatusBuilder().withCode(409).withReason("Conflict").withMessage("Operation cannot be"
                + " fulfilled on deployments.apps \"web\": the object has been modified; please apply your changes to"
                + " the latest version and try again").build();

        TargetException translated = ApiErrors.translate(new KubernetesClientException(status), KEY, "update");

        assertThat(translated).isNotInstanceOf(ConflictException.class);
        assertThat(translated.getMessage()).contains("HTTP 409").contains("the object has been modified");
    }

    @Test
    void anInvalidObjectCarriesTheServerMessageAndTheKey() {
        Status status = new StatusBuilder().withCode(422).withReason("Invalid").withMessage("Deployment.apps \"web\""
                + " is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"api\"}:"
                + " `selector` does not match template `labels`").build();

        TargetException translated = ApiErrors.translate(new KubernetesClientException(status), KEY, "server-side apply");

        assertThat(translated.key()).contains(KEY);
        assertThat(translated.getMessage()).startsWith("apps/Deployment/shop/web: server-side apply failed (HTTP 422:")
                .contains("`selector` does not match template `labels`").endsWith("; fix the manifest");
    }

    @Test
    void anApplyIntoAMissingNamespaceNamesTheNamespace() {
        Status status = new StatusBuilder().withCode(404).withReason("NotFound").withMessage("namespaces \"shop\" not"
                + " found").withNewDetails().withName("shop").withKind("namespaces").endDetails().build();

        TargetException translated = ApiErrors.translate(new KubernetesClientException(status), KEY, "server-side apply");

        assertThat(translated.getMessage()).contains("namespace shop does not exist")
                .doesNotContain("apiVersion is served");
    }

    @Test
    void aNotFoundOfTheObjectsKindStillPointsAtTheApiVersion() {
        Status status = new StatusBuilder().withCode(404).withReason("NotFound").withMessage("the server could not"
                + " find the requested resource").build();

        TargetException translated = ApiErrors.translate(new KubernetesClientException(status), KEY, "server-side apply");

        assertThat(translated.getMessage()).contains("check that the apiVersion is served by the cluster");
    }
}
