package io.gitops4j.window;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A set of sync windows and Argo CD's rules for combining them, for one application at one instant:
 * <ol>
 *   <li>no window applies to the application: every sync runs;</li>
 *   <li>an active deny window applies: the sync is blocked (deny beats allow);</li>
 *   <li>allow windows apply: the sync runs only while at least one of them is active;</li>
 *   <li>a manual sync runs even so when every window that blocks it (each active deny window, or else each
 *       matching allow window) has {@link SyncWindow#manualSync()}.</li>
 * </ol>
 * When blocked, {@link WindowCheck#until()} is the first instant the same kind of sync may run: the search steps
 * through the instants at which some window starts or ends, looking at most a year ahead.
 *
 * <p>Immutable and thread-safe.
 */
public final class SyncWindows {
    private static final SyncWindows NONE = new SyncWindows(List.of());
    private static final Duration LOOK_AHEAD = Duration.ofDays(366);
    private static final int MAX_STEPS = 100_000;

    private final List<SyncWindow> windows;

    private SyncWindows(List<SyncWindow> windows) {
        this.windows = List.copyOf(windows);
    }

    /**
     * Returns the empty set: every sync runs.
     *
     * @return no windows
     */
    public static SyncWindows none() {
        return NONE;
    }

    /**
     * Returns a set of windows.
     *
     * @param windows the windows, in any order
     * @return the set
     */
    public static SyncWindows of(List<SyncWindow> windows) {
        requireNonNull(windows, "windows is null");
        return windows.isEmpty() ? NONE : new SyncWindows(windows);
    }

    /**
     * Returns the windows.
     *
     * @return an unmodifiable list in the order given
     */
    public List<SyncWindow> windows() {
        return windows;
    }

    /**
     * Tells whether a sync of an application may run at an instant, and if not, which windows block it and until
     * when.
     *
     * @param application the application's name
     * @param now the instant
     * @param manual whether the sync was asked for explicitly (see {@link SyncWindow#manualSync()})
     * @return the verdict
     */
    public WindowCheck check(String application, Instant now, boolean manual) {
        requireNonNull(application, "application is null");
        requireNonNull(now, "now is null");
        List<SyncWindow> matching = windows.stream().filter(w -> w.appliesTo(application)).toList();
        List<SyncWindow> blocking = blocking(matching, now, manual);
        if (blocking.isEmpty()) {
            return WindowCheck.open();
        }
        return WindowCheck.blocked(blocking, opening(matching, now, manual).orElse(null));
    }

    /* The windows that block a sync at an instant, empty when it may run. */
    private static List<SyncWindow> blocking(List<SyncWindow> matching, Instant now, boolean manual) {
        List<SyncWindow> denies = matching.stream()
                .filter(w -> w.kind() == SyncWindow.Kind.DENY && w.activeAt(now)).toList();
        List<SyncWindow> blocking = denies;
        if (denies.isEmpty()) {
            List<SyncWindow> allows = matching.stream().filter(w -> w.kind() == SyncWindow.Kind.ALLOW).toList();
            boolean open = allows.stream().anyMatch(w -> w.activeAt(now));
            blocking = open ? List.of() : allows;
        }
        boolean overridden = manual && blocking.stream().allMatch(SyncWindow::manualSync);
        return overridden ? List.of() : blocking;
    }

    /* The first instant after now at which the sync may run; windows only change at a start or an end. */
    private static Optional<Instant> opening(List<SyncWindow> matching, Instant now, boolean manual) {
        Instant limit = now.plus(LOOK_AHEAD);
        Instant t = now;
        for (int step = 0; step < MAX_STEPS && t.isBefore(limit); step++) {
            Instant from = t;
            Optional<Instant> next = matching.stream().map(w -> w.nextChange(from)).flatMap(Optional::stream)
                    .min(Instant::compareTo);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            t = next.get();
            if (blocking(matching, t, manual).isEmpty()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "SyncWindows" + windows;
    }
}
