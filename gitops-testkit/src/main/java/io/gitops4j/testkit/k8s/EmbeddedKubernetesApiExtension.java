package io.gitops4j.testkit.k8s;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that gives each test a fresh {@link EmbeddedKubernetesApi}, started before the test and
 * closed after it. Register it on an instance field:
 *
 * <pre>{@code
 * @RegisterExtension
 * final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension();
 *
 * @Test
 * void appliesTheDeployment() {
 *     URI url = k8s.api().url();
 *     ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one instance per test class instance, as JUnit creates them.
 */
public final class EmbeddedKubernetesApiExtension implements BeforeEachCallback, AfterEachCallback {

    private final Consumer<EmbeddedKubernetesApi.Builder> configuration;
    private EmbeddedKubernetesApi api;

    /** An extension starting servers with the builder's defaults. */
    public EmbeddedKubernetesApiExtension() {
        this(builder -> { });
    }

    /** An extension starting servers configured by {@code configuration} (e.g. extra namespaces). */
    public EmbeddedKubernetesApiExtension(Consumer<EmbeddedKubernetesApi.Builder> configuration) {
        this.configuration = requireNonNull(configuration, "configuration is null");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        EmbeddedKubernetesApi.Builder builder = EmbeddedKubernetesApi.builder();
        configuration.accept(builder);
        api = builder.build().start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (api != null) {
            api.close();
            api = null;
        }
    }

    /**
     * The server of the running test.
     *
     * @throws IllegalStateException outside a test (before {@code beforeEach} or after {@code afterEach})
     */
    public EmbeddedKubernetesApi api() {
        if (api == null) {
            throw new IllegalStateException("no EmbeddedKubernetesApi outside a test: register the extension on an"
                    + " instance field with @RegisterExtension and call api() from a test or @BeforeEach method");
        }
        return api;
    }
}
