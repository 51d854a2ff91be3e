package io.gitops4j.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.Revision;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.testkit.InMemorySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A source whose history the test writes, on the testkit's {@link InMemorySource}: {@link #commit} adds a revision
 * of ConfigMaps and makes it the latest; {@link #goDown} makes every call fail like an unreachable server. Counts
 * fetches ({@link #latestRevisionId()}) and loads, and runs a hook inside each load so tests can act during a run.
 * Thread-safe.
 */
final class ScriptedSource implements DesiredStateSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemorySource source;
    private volatile Optional<Set<String>> changedPaths = Optional.empty();

    ScriptedSource(String fetchKey) {
        this.source = InMemorySource.builder().fetchKey(fetchKey)
                .describe("scripted:" + (fetchKey.isEmpty() ? "unshared" : fetchKey)).build();
    }

    /** Adds a revision declaring one ConfigMap per {@code name=value} pair, in namespace {@code shop}. */
    Revision commit(String id, String... entries) {
        List<Resource> resources = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.split("=", 2);
            resources.add(configMap(parts[0], parts[1]));
        }
        return source.commit(id, resources);
    }

    static Resource configMap(String name, String color) {
        ObjectNode body = JSON.createObjectNode();
        body.put("apiVersion", "v1");
        body.put("kind", "ConfigMap");
        body.putObject("metadata").put("name", name).put("namespace", "shop");
        body.putObject("data").put("color", color);
        return Resource.of(body);
    }

    void goDown(String message) {
        source.failLoads(message);
    }

    void comeBack() {
        source.clearFaults();
    }

    /** Makes {@link #changedPaths} answer with these paths for any two revisions (empty: cannot tell). */
    void changedPaths(Optional<Set<String>> answer) {
        this.changedPaths = answer;
    }

    @Override
    public Optional<Set<String>> changedPaths(String fromRevisionId, String toRevisionId) {
        return changedPaths;
    }

    void onLoad(Runnable hook) {
        source.onLoad(hook);
    }

    int fetches() {
        return source.fetchCount();
    }

    int loads() {
        return source.loadCount();
    }

    @Override
    public String latestRevisionId() {
        return source.latestRevisionId();
    }

    @Override
    public DesiredState load() {
        return source.load();
    }

    @Override
    public DesiredState load(Revision revision) {
        return source.load(revision);
    }

    @Override
    public String fetchKey() {
        return source.fetchKey();
    }

    @Override
    public String describe() {
        return source.describe();
    }
}
