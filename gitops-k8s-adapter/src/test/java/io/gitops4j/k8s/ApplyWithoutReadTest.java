package io.gitops4j.k8s;

import static io.gitops4j.k8s.Manifests.configMap;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
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
