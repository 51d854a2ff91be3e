package io.gitops4j.window;


import java.time.Instant;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link SyncWindows#check} says about one sync of one application at one instant: allowed, or blocked by
 * which windows and until when.
 *
 * <p>Immutable and thread-safe.
 */
public final class WindowCheck {
    private static final WindowCheck ALLOWED = new WindowCheck(List.of(), null);

    private final List<SyncWindow> blockedBy;
    private final Instant until;

    private WindowCheck(List<SyncWindow> blockedBy, Instant until) {
        this.blockedBy = List.copyOf(blockedBy);
        this.until = until;
    }

    static WindowCheck open() {
        return ALLOWED;
    }

    static WindowCheck blocked(List<SyncWindow> windows, Instant until) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a blocked check names the windows that block");
        }
        return new WindowCheck(windows, until);
    }

    /**
     * Tells whether the sync may run.
     *
     * @return {@code true} when no window blocks it
     */
    public boolean allowed() {
        return blockedBy.isEmpty();
    }

    /**
     * Returns the windows that block the sync: the active deny windows, or (when no deny is active) the matching
     * allow windows, none of which is active.
     *
     * @return an unmodifiable list, empty when allowed
     */
    public List<SyncWindow> blockedBy() {
        return blockedBy;
    }

    /**
     * Returns the first instant at which a sync of the same kind (manual or not) may run.
     *
     * @return the instant, empty when allowed or when the windows block for longer than the search looks ahead
     */
    public Optional<Instant> until() {
        return Optional.ofNullable(until);
    }

    /**
     * Says why the sync is blocked, e.g. {@code "blocked by window deny '0 22 * * *' for 8h in Europe/Berlin until
     * 2026-03-30T04:00:00Z"}.
     *
     * @return the message, or {@code "allowed"}
     */
    public String message() {
        if (allowed()) {
            return "allowed";
        }
        String windows = blockedBy.stream().map(SyncWindow::toString).collect(Collectors.joining(", "));
        return "blocked by window" + (blockedBy.size() > 1 ? "s " : " ") + windows
                + (until == null ? " with no opening in sight" : " until " + until);
    }

    @Override
    public String toString() {
        return message();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowCheck other && blockedBy.equals(other.blockedBy)
                && Objects.equals(until, other.until);
    }

    @Override
    public int hashCode() {
        return blockedBy.hashCode() * 31 + (until == null ? 0 : until.hashCode());
    }
}
