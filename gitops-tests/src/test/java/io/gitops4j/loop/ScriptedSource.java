package io.gitops4j.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.Revision;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.source.SourceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A source whose history the test writes: {@link #commit} adds a revision of ConfigMaps and makes it the latest;
 * {@link #goDown} makes every call fail like an unreachable server. Counts fetches ({@link #latestRevisionId()})
 * and loads, and runs a hook inside each load so tests can act during a run. Thread-safe.
 */
final class ScriptedSource implements DesiredStateSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String fetchKey;
    private final Map<String, DesiredState> revisions = new LinkedHashMap<>();
    private String latest;
    private String down;
    private int fetches;
    private int loads;
    private volatile Runnable onLoad = () -> { };
    private volatile Optional<Set<String>> changedPaths = Optional.empty();

    ScriptedSource(String fetchKey) {
        this.fetchKey = fetchKey;
    }

    /** Adds a revision declaring one ConfigMap per {@code name=value} pair, in namespace {@code shop}. */
    synchronized Revision commit(String id, String... entries) {
        List<Resource> resources = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.split("=", 2);
            resources.add(configMap(parts[0], parts[1]));
        }
        DesiredState state = DesiredState.of(id, resources);
        revisions.put(id, state);
        latest = id;
        return state.revision();
    }

    static Resource configMap(String name, String color) {
        ObjectNode body = JSON.createObjectNode();
        body.put("apiVersion", "v1");
        body.put("kind", "ConfigMap");
        body.putObject("metadata").put("name", name).put("namespace", "shop");
        body.putObject("data").put("color", color);
        return Resource.of(body);
    }

    synchronized void goDown(String message) {
        this.down = message;
    }

    synchronized void comeBack() {
        this.down = null;
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
        this.onLoad = hook;
    }

    synchronized int fetches() {
        return fetches;
    }

    synchronized int loads() {
        return loads;
    }

    @Override
    public synchronized String latestRevisionId() {
        fetches++;
        checkUp();
        if (latest == null) {
            throw new SourceException("nothing committed yet");
        }
        return latest;
    }

    @Override
    public DesiredState load() {
        String id;
        synchronized (this) {
            checkUp();
            id = latest;
        }
        return load(Revision.of(id));
    }

    @Override
    public DesiredState load(Revision revision) {
        onLoad.run();
        synchronized (this) {
            loads++;
            checkUp();
            DesiredState state = revisions.get(revision.id());
            if (state == null) {
                throw new SourceException("no revision " + revision.id() + " in " + describe());
            }
            return state;
        }
    }

    private void checkUp() {
        if (down != null) {
            throw new SourceException("cannot reach " + describe() + ": " + down);
        }
    }

    @Override
    public String fetchKey() {
        return fetchKey;
    }

    @Override
    public String describe() {
        return "scripted:" + (fetchKey.isEmpty() ? "unshared" : fetchKey);
    }
}
