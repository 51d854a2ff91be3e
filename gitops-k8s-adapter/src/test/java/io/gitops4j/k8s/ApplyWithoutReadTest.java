package io.gitops4j.k8s;

import static io.gitops4j.k8s.Manifests.configMap;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyOutcome;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApiExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An apply of an object the target has just observed (or written) is one request, the server-side apply itself,
 * and still tells created, configured and unchanged apart; an object it knows nothing of, and a dry run, are read
 * first.
 */
class ApplyWithoutReadTest {
    private static final String NS = "shop";
    private static final ResourceKey SETTINGS = ResourceKey.of("", "ConfigMap", NS, "settings");

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension(builder -> builder.namespaces(NS));

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> patches = new CopyOnWriteArrayList<>();
    private KubernetesClient client;
    private KubernetesTarget target;

    @BeforeEach
    void connect() {
        Interceptor recorder = new Interceptor() {
            @Override
            public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                if (request.uri().getPath().contains("/configmaps")) {
                    requests.add(request.method());
                }
                if (request.method().equals("PATCH")) {
                    patches.add(((StandardHttpRequest) request).getContentType() + " " + request.uri().getRawPath()
                            + "?" + request.uri().getRawQuery());
                }
            }
        };
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k8s.api().kubeconfig()))
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("recorder", recorder))
                .build();
        target = KubernetesTarget.builder().client(client).build();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void appliesAnObservedObjectWithOneRequestAndTellsWhatChanged() {
        // given an object observed absent
        target.observe(List.of(SETTINGS));
        requests.clear();

        // when it is created, re-applied unchanged, then changed
        ApplyOutcome created = target.apply(configMap(NS, "settings", "color", "blue"), ApplyOptions.DEFAULT).outcome();
        ApplyOutcome unchanged = target.apply(configMap(NS, "settings", "color", "blue"), ApplyOptions.DEFAULT)
                .outcome();
        ApplyOutcome configured = target.apply(configMap(NS, "settings", "color", "red"), ApplyOptions.DEFAULT)
                .outcome();

        // then
        assertThat(List.of(created, unchanged, configured))
                .containsExactly(ApplyOutcome.CREATED, ApplyOutcome.UNCHANGED, ApplyOutcome.CONFIGURED);
        assertThat(requests).containsExactly("PATCH", "PATCH", "PATCH");
    }

    @Test
    void theApplyIsAnApplyPatchOfTheObjectsPathWithTheFieldManagerForceAndValidation() {
        target.apply(configMap(NS, "settings", "color", "blue"), ApplyOptions.DEFAULT);
        target.apply(configMap(NS, "settings", "color", "red"), new ApplyOptions(true, false));

        assertThat(patches).containsExactly(
                "application/apply-patch+yaml /api/v1/namespaces/shop/configmaps/settings"
                        + "?fieldManager=gitops4j&force=true&fieldValidation=Strict",
                "application/apply-patch+yaml /api/v1/namespaces/shop/configmaps/settings"
                        + "?fieldManager=gitops4j&force=true&dryRun=All&fieldValidation=Strict");
    }

    @Test
    void anObjectWhoseNameHasAColonIsAppliedAtItsOwnPath() {
        io.gitops4j.model.Resource role = Manifests.resource("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: "system:shop:reader"}
                rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
                """);

        ApplyOutcome outcome = target.apply(role, ApplyOptions.DEFAULT).outcome();

        assertThat(outcome).isEqualTo(ApplyOutcome.CREATED);
        assertThat(k8s.api().get("rbac.authorization.k8s.io/v1", "ClusterRole", "", "system:shop:reader"))
                .isPresent();
        assertThat(patches).containsExactly("application/apply-patch+yaml "
                + "/apis/rbac.authorization.k8s.io/v1/clusterroles/system:shop:reader"
                + "?fieldManager=gitops4j&force=true&fieldValidation=Strict");
    }

    @Test
    void readsFirstWhenItKnowsNothingOfTheObjectOrDryRuns() {
        // given an object another client made
        client.configMaps().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("settings").endMetadata().addToData("color", "blue").build()).create();
        requests.clear();

        // when
        ApplyOutcome dryRun = target.apply(configMap(NS, "settings", "color", "red"), new ApplyOptions(true, false))
                .outcome();
        ApplyOutcome applied = target.apply(configMap(NS, "settings", "color", "red"), ApplyOptions.DEFAULT)
                .outcome();

        // then
        assertThat(List.of(dryRun, applied)).containsExactly(ApplyOutcome.CONFIGURED, ApplyOutcome.CONFIGURED);
        assertThat(requests).containsExactly("GET", "PATCH", "GET", "PATCH");
    }

    @Test
    void anObjectRecreatedBehindTheTargetIsReportedCreated() {
        // given an object the target applied, then deleted and recreated by another client
        target.apply(configMap(NS, "settings", "color", "blue"), ApplyOptions.DEFAULT);
        client.configMaps().inNamespace(NS).withName("settings").delete();
        client.configMaps().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("settings").endMetadata().addToData("color", "blue").build()).create();

        // when
        ApplyOutcome outcome = target.apply(configMap(NS, "settings", "color", "blue"), ApplyOptions.DEFAULT).outcome();

        // then a new uid: what the target last saw is gone
        assertThat(outcome).isEqualTo(ApplyOutcome.CREATED);
    }
}
