package io.gitops4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.inventory.InventoryStore;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyOutcome;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.target.DeleteOutcome;
import io.gitops4j.target.Target;
import io.gitops4j.TargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Target} keeps, as a JUnit 5 suite: extend it, implement {@link #newTarget()}, and the
 * cases run against your target.
 *
 * <pre>{@code
 * class FolderTargetContractTest extends TargetContract {
 *     @TempDir Path dir;
 *     @Override protected Target newTarget() { return new FolderTarget(dir); }
 * }
 * }</pre>
 *
 * <p>A target whose {@link Target#applyConcurrency()} is more than 1 also proves that that many concurrent applies of
 * distinct objects all land, and are unchanged when repeated; for a target that takes one apply at a time that case
 * is skipped.
 *
 * <p>The cases use ConfigMap-shaped resources in {@link #namespace()}; override {@link #resource(String, Map)} when
 * your target stores something else, and {@link #invalidResource()} to prove your target's errors are typed.
 * A new target is created before each case.
 */
public abstract class TargetContract {
    /** The target under test, created before each case. */
    protected Target target;

    /**
     * Creates a fresh target; each case gets its own.
     *
     * @return the target under test, empty of the contract's resources
     */
    protected abstract Target newTarget();

    /**
     * Returns the namespace the contract's resources live in (default {@code contract}). A target that needs the
     * namespace to exist creates it in {@link #newTarget()}.
     *
     * @return the namespace
     */
    protected String namespace() {
        return "contract";
    }

    /**
     * Returns a resource the target accepts, holding some data. The default is a core ConfigMap.
     *
     * @param name the resource name
     * @param data string entries
     * @return the resource
     */
    protected Resource resource(String name, Map<String, String> data) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "v1").put("kind", "ConfigMap");
        body.putObject("metadata").put("name", name).put("namespace", namespace());
        ObjectNode entries = body.putObject("data");
        data.forEach(entries::put);
        return Resource.of(body);
    }

    /**
     * Returns a resource the target must refuse with a {@link TargetException}, or empty when the target refuses
     * nothing (the case is then skipped).
     *
     * @return a resource to be refused
     */
    protected Optional<Resource> invalidResource() {
        return Optional.empty();
    }

    /** Creates the target under test. */
    @BeforeEach
    void createTarget() {
        target = newTarget();
    }

    private Resource apply(Resource resource, ApplyOptions options) {
        return target.apply(resolved(resource), options).live();
    }

    private Resource resolved(Resource resource) {
        ResourceKey key = target.resolve(resource.key());
        return resource.withNamespace(key.namespace());
    }

    private Optional<LiveResource> observe(Resource resource) {
        ResourceKey key = target.resolve(resource.key());
        LiveState live = target.observe(List.of(key));
        return live.get(key);
    }

    @Test
    void applyCreatesAndReapplyingIsUnchanged() {
        Resource settings = resource("settings", Map.of("mode", "fast"));

        ApplyResult first = target.apply(resolved(settings), ApplyOptions.DEFAULT);
        ApplyResult second = target.apply(resolved(settings), ApplyOptions.DEFAULT);

        assertThat(first.outcome()).isEqualTo(ApplyOutcome.CREATED);
        assertThat(second.outcome()).isEqualTo(ApplyOutcome.UNCHANGED);
        assertThat(observe(settings)).isPresent();
    }

    @Test
    void applyingAChangeConfiguresAndIsObserved() {
        apply(resource("settings", Map.of("mode", "fast")), ApplyOptions.DEFAULT);

        ApplyResult result = target.apply(resolved(resource("settings", Map.of("mode", "safe"))), ApplyOptions.DEFAULT);

        assertThat(result.outcome()).isEqualTo(ApplyOutcome.CONFIGURED);
        assertThat(observe(resource("settings", Map.of())).orElseThrow().object().tree().at("/data/mode").asText())
                .isEqualTo("safe");
    }

    @Test
    void fieldsNoLongerAppliedAreRemoved() {
        apply(resource("settings", Map.of("a", "1", "b", "2")), ApplyOptions.DEFAULT);

        apply(resource("settings", Map.of("a", "1")), ApplyOptions.DEFAULT);

        Resource live = observe(resource("settings", Map.of())).orElseThrow().object();
        assertThat(live.tree().at("/data/a").asText()).isEqualTo("1");
        assertThat(live.tree().at("/data/b").isMissingNode()).as("field b removed").isTrue();
    }

    @Test
    void observeReportsOnlyKeysThatExist() {
        Resource present = resource("present", Map.of("k", "v"));
        apply(present, ApplyOptions.DEFAULT);
        ResourceKey absent = target.resolve(resource("absent", Map.of()).key());

        LiveState live = target.observe(List.of(target.resolve(present.key()), absent));

        assertThat(live.resources().keySet()).containsExactly(target.resolve(present.key()));
    }

    @Test
    void deleteRemovesAndASecondDeleteFindsNothing() {
        Resource settings = resource("settings", Map.of("k", "v"));
        apply(settings, ApplyOptions.DEFAULT);
        ResourceKey key = target.resolve(settings.key());

        DeleteOutcome first = target.delete(key, DeleteOptions.DEFAULT).outcome();
        DeleteOutcome second = target.delete(key, DeleteOptions.DEFAULT).outcome();

        assertThat(first).isEqualTo(DeleteOutcome.DELETED);
        assertThat(second).isEqualTo(DeleteOutcome.NOT_FOUND);
        assertThat(observe(settings)).isEmpty();
    }

    @Test
    void dryRunApplyChangesNothing() {
        Resource settings = resource("settings", Map.of("k", "v"));

        ApplyResult result = target.apply(resolved(settings), ApplyOptions.DEFAULT.withDryRun(true));

        assertThat(result.outcome()).isEqualTo(ApplyOutcome.CREATED);
        assertThat(observe(settings)).isEmpty();
    }

    @Test
    void dryRunUpdateChangesNothing() {
        apply(resource("settings", Map.of("mode", "fast")), ApplyOptions.DEFAULT);

        target.apply(resolved(resource("settings", Map.of("mode", "safe"))), ApplyOptions.DEFAULT.withDryRun(true));

        assertThat(observe(resource("settings", Map.of())).orElseThrow().object().tree().at("/data/mode").asText())
                .isEqualTo("fast");
    }

    @Test
    void dryRunDeleteChangesNothing() {
        Resource settings = resource("settings", Map.of("k", "v"));
        apply(settings, ApplyOptions.DEFAULT);

        target.delete(target.resolve(settings.key()), DeleteOptions.DEFAULT.withDryRun(true));

        assertThat(observe(settings)).isPresent();
    }

    @Test
    void resolveIsIdempotent() {
        ResourceKey once = target.resolve(resource("settings", Map.of()).key());

        assertThat(target.resolve(once)).isEqualTo(once);
    }

    @Test
    void inventoryRoundTripsAndSaveReplaces() {
        InventoryStore store = target.inventoryStore();
        ResourceKey a = target.resolve(resource("a", Map.of()).key());
        ResourceKey b = target.resolve(resource("b", Map.of()).key());
        String application = "contract-app";

        store.save(Inventory.of(application, new Revision("r1", ""), List.of(a, b)));
        store.save(Inventory.of(application, new Revision("r2", ""), List.of(b)));

        Inventory loaded = store.load(application).orElseThrow();
        assertThat(loaded.keys()).containsExactly(b);
        assertThat(loaded.revision()).contains(new Revision("r2", ""));
        assertThat(store.load("contract-unknown-app")).isEmpty();
    }

    @Test
    void invalidResourcesAreRefusedWithATypedErrorNamingThem() {
        Optional<Resource> invalid = invalidResource();
        Assumptions.assumeTrue(invalid.isPresent(), "this target refuses no resource");

        assertThatThrownBy(() -> target.apply(invalid.get(), ApplyOptions.DEFAULT))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining(invalid.get().key().name());
    }

    @Test
    void concurrentAppliesOfDistinctObjectsAllLandAndReapplyingThemIsUnchanged() throws Exception {
        int threads = target.applyConcurrency();
        Assumptions.assumeTrue(threads > 1, "this target accepts one apply at a time");
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < threads * 3; i++) {
            resources.add(resolved(resource("concurrent-" + i, Map.of("index", Integer.toString(i)))));
        }

        List<ApplyOutcome> first = applyAll(resources, threads);
        List<ApplyOutcome> second = applyAll(resources, threads);

        assertThat(first).containsOnly(ApplyOutcome.CREATED).hasSize(resources.size());
        assertThat(second).containsOnly(ApplyOutcome.UNCHANGED).hasSize(resources.size());
        LiveState live = target.observe(resources.stream().map(Resource::key).toList());
        assertThat(live.size()).isEqualTo(resources.size());
        for (Resource resource : resources) {
            assertThat(live.get(resource.key()).orElseThrow().object().tree().at("/data/index").asText())
                    .isEqualTo(resource.tree().at("/data/index").asText());
        }
    }

    /** Applies every resource from {@code threads} threads at once, all released together; outcomes in order. */
    private List<ApplyOutcome> applyAll(List<Resource> resources, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApplyOutcome>> futures = new ArrayList<>();
            for (Resource resource : resources) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return target.apply(resource, ApplyOptions.DEFAULT).outcome();
                }));
            }
            start.countDown();
            List<ApplyOutcome> outcomes = new ArrayList<>();
            for (Future<ApplyOutcome> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createMakesAnObjectThatDoesNotExistAndRefusesOneThatDoes() {
        Resource job = resource("created-once", Map.of("run", "1"));

        ApplyResult created = target.create(resolved(job), ApplyOptions.DEFAULT);

        assertThat(created.outcome()).isEqualTo(ApplyOutcome.CREATED);
        assertThat(observe(job)).isPresent();
        assertThatThrownBy(() -> target.create(resolved(job), ApplyOptions.DEFAULT))
                .isInstanceOf(TargetException.class).hasMessageContaining("created-once");
    }

    @Test
    void createGivesAnObjectWithOnlyAGenerateNameANewNameEachTimeFoundByItsLabel() {
        ObjectNode body = resource("unused", Map.of("run", "1")).body();
        ObjectNode metadata = (ObjectNode) body.get("metadata");
        metadata.remove("name");
        metadata.put("generateName", "hook-");
        metadata.putObject("labels").put("contract.gitops4j.io/hook", "yes");
        Resource hook;
        ApplyResult first;
        try {
            hook = resolved(Resource.of(body));
            first = target.create(hook, ApplyOptions.DEFAULT);
        } catch (TargetException e) {
            Assumptions.assumeTrue(false, "this target does not generate names: " + e.getMessage());
            return;
        }

        ApplyResult second = target.create(hook, ApplyOptions.DEFAULT);

        assertThat(List.of(first.live().key().name(), second.live().key().name())).allSatisfy(name ->
                assertThat(name).startsWith("hook-").doesNotContain(Resource.GENERATED_NAME)).doesNotHaveDuplicates();
        ResourceKey key = hook.key();
        assertThat(target.findLabelled(key.group(), key.kind(), key.namespace(),
                Map.of("contract.gitops4j.io/hook", "yes"))).extracting(Resource::key)
                .containsExactlyInAnyOrder(first.live().key(), second.live().key());
    }
}
