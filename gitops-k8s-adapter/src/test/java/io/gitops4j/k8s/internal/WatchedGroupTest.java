package io.gitops4j.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Watcher.Action;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A watched group against a simulated server, over random interleavings of changes by this target and by others with
 * the delivery of their watch events: it never answers an object older than this target's last write of it, nor
 * absent unless it was absent at or after that write, and once every event arrived it answers the server's state
 * (writes noted before or after their events arrived).
 */
class WatchedGroupTest {
    private static final String NAME = "x";

    /** One change on the server: the object at a resourceVersion, or its deletion. */
    private record Change(Action action, GenericKubernetesResource object) {
    }

    /** The server's side of the simulation: the object's history and the events not yet delivered. */
    private static final class Server {
        private final List<GenericKubernetesResource> states = new ArrayList<>();
        private final Deque<Change> undelivered = new ArrayDeque<>();
        private GenericKubernetesResource current;
        private long version = 10;
        private int uids;

        Server() {
            states.add(null);
        }

        GenericKubernetesResource put() {
            version++;
            String uid = current == null ? "uid-" + ++uids : current.getMetadata().getUid();
            GenericKubernetesResource object = new GenericKubernetesResource();
            object.setMetadata(new ObjectMetaBuilder().withName(NAME).withUid(uid)
                    .withResourceVersion(Long.toString(version)).build());
            undelivered.add(new Change(current == null ? Action.ADDED : Action.MODIFIED, object));
            current = object;
            record();
            return object;
        }

        void delete() {
            version++;
            GenericKubernetesResource last = new GenericKubernetesResource();
            last.setMetadata(new ObjectMetaBuilder(current.getMetadata()).withResourceVersion(Long.toString(version))
                    .build());
            undelivered.add(new Change(Action.DELETED, last));
            current = null;
            record();
        }

        private void record() {
            while (states.size() < version - 9) {
                states.add(current);
            }
        }

        /** Whether the object was absent at some version from {@code since} on. */
        boolean absentSince(long since) {
            for (long v = Math.max(since, 10); v <= version; v++) {
                if (states.get((int) (v - 10)) == null) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void neverAnswersOlderThanItsOwnWritesAndEndsAtTheServersState() {
        qt().withExamples(500).forAll(lists().of(integers().between(0, 6)).ofSizeBetween(0, 40)).checkAssert(ops -> {
            Server server = new Server();
            WatchedGroup group = new WatchedGroup("test", List.of(), ended -> { }, Duration.ofHours(1));
            long ownVersion = 0;
            for (int op : ops) {
                if (op == 0 || op == 1 && server.current == null) {
                    GenericKubernetesResource written = server.put();
                    group.written(NAME, written.getMetadata().getResourceVersion());
                    ownVersion = Long.parseLong(written.getMetadata().getResourceVersion());
                } else if (op == 1) {
                    String lastSeen = server.current.getMetadata().getResourceVersion();
                    server.delete();
                    group.deleted(NAME, lastSeen);
                    ownVersion = server.version;
                } else if (op == 5 && server.current != null) {
                    String lastSeen = server.current.getMetadata().getResourceVersion();
                    server.delete();
                    deliverAll(server, group);
                    group.deleted(NAME, lastSeen);
                    ownVersion = server.version;
                } else if (op == 6) {
                    GenericKubernetesResource written = server.put();
                    deliverAll(server, group);
                    group.written(NAME, written.getMetadata().getResourceVersion());
                    ownVersion = server.version;
                } else if (op == 2) {
                    server.put();
                } else if (op == 3 && server.current != null) {
                    server.delete();
                } else if (!server.undelivered.isEmpty()) {
                    Change change = server.undelivered.removeFirst();
                    group.eventReceived(change.action(), change.object());
                }
                assertAnswerNotOlderThan(group, server, ownVersion);
            }
            deliverAll(server, group);
            WatchCache.Lookup last = group.lookup(NAME);
            assertThat(last.known()).isTrue();
            assertThat(last.object()).isSameAs(server.current);
        });
    }

    private static void deliverAll(Server server, WatchedGroup group) {
        while (!server.undelivered.isEmpty()) {
            Change change = server.undelivered.removeFirst();
            group.eventReceived(change.action(), change.object());
        }
    }

    private static void assertAnswerNotOlderThan(WatchedGroup group, Server server, long ownVersion) {
        WatchCache.Lookup answer = group.lookup(NAME);
        if (!answer.known()) {
            return;
        }
        if (answer.object() == null) {
            assertThat(server.absentSince(ownVersion)).as("answered absent").isTrue();
        } else {
            assertThat(Long.parseLong(answer.object().getMetadata().getResourceVersion()))
                    .as("answered version").isGreaterThanOrEqualTo(ownVersion);
        }
    }

    @Test
    void anEndedWatchAnswersNothing() {
        GenericKubernetesResource object = new GenericKubernetesResource();
        object.setMetadata(new ObjectMetaBuilder().withName(NAME).withUid("u").withResourceVersion("5").build());
        List<WatchedGroup> ended = new ArrayList<>();
        WatchedGroup group = new WatchedGroup("test", List.of(object), ended::add, Duration.ofHours(1));
        assertThat(group.lookup(NAME).object()).isSameAs(object);
        assertThat(group.lookup("other").known()).isTrue();

        group.onClose(new WatcherException("too old resource version"));

        assertThat(group.lookup(NAME).known()).isFalse();
        assertThat(group.lookup("other").known()).isFalse();
        assertThat(ended).containsExactly(group);
    }

    @Test
    void aGroupPastItsLifetimeAnswersNothing() {
        List<WatchedGroup> ended = new ArrayList<>();
        WatchedGroup group = new WatchedGroup("test", List.of(), ended::add, Duration.ZERO);

        assertThat(group.synced()).isFalse();
        assertThat(group.lookup(NAME).known()).isFalse();
        assertThat(ended).containsExactly(group);
    }
}
