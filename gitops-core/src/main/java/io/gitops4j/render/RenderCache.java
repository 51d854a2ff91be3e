package io.gitops4j.render;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers renders by what they read: the output of a renderer for a folder and settings is reused for another
 * revision when every file it read has the same id there, every folder it listed the same listing and every path it
 * looked up the same type. So a commit that changes nothing an application renders costs no render (a monorepo's
 * other folders change all the time). Holds the last render of up to {@link #MAX_ENTRIES} folder and settings pairs.
 *
 * <p>Relies on the {@link Renderer} contract: a renderer reads only through the tree it is given and returns the
 * same output for the same content. Thread-safe; concurrent renders of the same key may both run.
 */
public final class RenderCache {
    /** How many folder and settings pairs are remembered; the least recently used is dropped. */
    public static final int MAX_ENTRIES = 64;

    private static final Logger LOG = LoggerFactory.getLogger(RenderCache.class);

    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong renders = new AtomicLong();

    /** Creates an empty cache. */
    public RenderCache() {
    }

    /**
     * Renders a request, or returns the remembered output when nothing the last render of the same folder with the
     * same renderer and settings read has changed in the request's tree. A failed render is not remembered.
     *
     * @param renderer the renderer
     * @param request the request
     * @return the output
     */
    public Rendered render(Renderer renderer, RenderRequest request) {
        requireNonNull(renderer, "renderer is null");
        requireNonNull(request, "request is null");
        Key key = new Key(renderer.name(), request.folder(), request.settings());
        Entry known;
        synchronized (entries) {
            known = entries.get(key);
        }
        if (known != null && known.stillHolds(request.tree())) {
            hits.incrementAndGet();
            LOG.debug("Nothing {} read in folder '{}' changed in {}; reusing its output", renderer.name(),
                    request.folder(), request.tree().describe());
            return known.output();
        }
        RecordingTree recording = new RecordingTree(request.tree());
        Rendered output = renderer.render(new RenderRequest(recording, request.folder(), request.settings(),
                request.loader()));
        renders.incrementAndGet();
        synchronized (entries) {
            entries.put(key, new Entry(Map.copyOf(recording.observations()), output));
        }
        return output;
    }

    /**
     * Returns how many renders were answered from the cache.
     *
     * @return the hit count
     */
    public long hits() {
        return hits.get();
    }

    /**
     * Returns how many renders ran.
     *
     * @return the render count
     */
    public long renders() {
        return renders.get();
    }

    @Override
    public String toString() {
        return "RenderCache{hits=" + hits.get() + ", renders=" + renders.get() + "}";
    }

    private record Key(String renderer, String folder, RenderSettings settings) {
    }

    private record Entry(Map<String, TreeObservation> observations, Rendered output) {
        boolean stillHolds(SourceTree tree) {
            for (TreeObservation observation : observations.values()) {
                if (!observation.holds(tree)) {
                    return false;
                }
            }
            return true;
        }
    }
}
