package io.gitops4j.k8s;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate-limits and counts Events like kubectl's series: the first occurrence of a series (one object and reason)
 * creates an Event; later ones within the window only count; the first after the window updates that Event
 * with the count so far and the latest message. Remembers at most {@code capacity} series, least recently used
 * first out. Thread-safe.
 */
final class EventSeries {
    /** What to do about one occurrence. */
    enum Action { CREATE, UPDATE, SUPPRESS }

    /**
     * The decision for one occurrence: the action, the series' Event ({@code null} before it was created), the
     * count so far and the series' first time.
     */
    record Decision(Action action, String namespace, String name, int count, Instant first) {
    }

    private final Duration window;
    private final Map<String, State> series;

    EventSeries(Duration window, int capacity) {
        this.window = window;
        this.series = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Decision occur(String key, Instant now) {
        State state = series.get(key);
        if (state == null) {
            state = new State(now);
            series.put(key, state);
            return new Decision(Action.CREATE, null, null, 1, now);
        }
        state.count++;
        if (state.name == null || Duration.between(state.written, now).compareTo(window) < 0) {
            return new Decision(Action.SUPPRESS, state.namespace, state.name, state.count, state.first);
        }
        state.written = now;
        return new Decision(Action.UPDATE, state.namespace, state.name, state.count, state.first);
    }

    /** Names the Event a series writes to: after its creation, or after the API server expired the last one. */
    synchronized void written(String key, String namespace, String name) {
        State state = series.get(key);
        if (state != null) {
            state.namespace = namespace;
            state.name = name;
        }
    }

    @Override
    public String toString() {
        return window.toString();
    }

    /** One series: its Event, when it began and was last written, and how often it occurred. */
    private static final class State {
        final Instant first;
        Instant written;
        String namespace;
        String name;
        int count = 1;

        State(Instant first) {
            this.first = first;
            this.written = first;
        }
    }
}
