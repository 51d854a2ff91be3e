package io.gitops4j.testkit.k8s.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The state of one embedded API server: stored objects, served types, field ownership, and the clock and
 * id sources used for server-populated metadata.
 *
 * <p>Thread-safe. Read-modify-write operations synchronise on {@link #store()}.
 */
public final class Cluster {

    private final ObjectStore store = new ObjectStore();
    private final TypeRegistry registry = new TypeRegistry();
    private final FieldManager fieldManager = new FieldManager();
    private final Clock clock;
    private final MessageDigest md5;
    private long uids;
    private volatile Timestamp lastTimestamp;

    /** A cluster whose timestamps come from {@code clock}. */
    public Cluster(Clock clock) {
        this.clock = clock;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available for object uids", e);
        }
    }

    /** The object store. */
    public ObjectStore store() {
        return store;
    }

    /** The served types. */
    public TypeRegistry registry() {
        return registry;
    }

    /** Managed-fields bookkeeping. */
    public FieldManager fieldManager() {
        return fieldManager;
    }

    /** The current time in the RFC 3339 form of object metadata (second precision, UTC). */
    public String now() {
        long second = clock.instant().getEpochSecond();
        Timestamp last = lastTimestamp;
        if (last == null || last.second() != second) {
            last = new Timestamp(second, Instant.ofEpochSecond(second).toString());
            lastTimestamp = last;
        }
        return last.text();
    }

    /* The last formatted second: every write in one second stamps the same text, formatted once. */
    private record Timestamp(long second, String text) {
    }

    /** A new object uid, deterministic for a given sequence of creations. */
    public synchronized String newUid() {
        uids++;
        return nameUuid(("gitops4j-embedded-" + uids).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * {@link UUID#nameUUIDFromBytes} (a version 3, MD5 name-based UUID) on this cluster's own digest, sparing the
     * provider look-up of each call; call with this cluster's lock held.
     */
    private UUID nameUuid(byte[] name) {
        byte[] hash = md5.digest(name);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    /** A suffix for {@code generateName}, deterministic for a given sequence of creations. */
    public synchronized String newNameSuffix() {
        uids++;
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder suffix = new StringBuilder();
        long n = uids * 7919 + 104729;
        for (int i = 0; i < 5; i++) {
            suffix.append(alphabet.charAt((int) (n % alphabet.length())));
            n /= alphabet.length();
        }
        return suffix.toString();
    }

    /** The type stored under a storage key (any served version), if still served. */
    public ResourceType typeOf(String storageKey) {
        return registry.all().stream().filter(t -> t.storageKey().equals(storageKey)).findFirst().orElse(null);
    }
}
