package io.gitops4j.window;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A sync window, as Argo CD defines them: of kind {@link Kind#ALLOW allow} or {@link Kind#DENY deny}, it is
 * active from each start of its {@link CronSchedule schedule} (read on the wall clock of its time zone) for its
 * duration, that is within {@code [start, start + duration)}, and applies to the applications whose names match
 * one of its patterns ({@code *} and {@code ?} wildcards). {@link #manualSync()} lets manual syncs through while
 * the window blocks. How windows combine is {@link SyncWindows}'s to say.
 *
 * <p>Defaults: time zone UTC, manual sync not allowed. Kind, schedule, duration and at least one application
 * pattern are required. Immutable and thread-safe.
 *
 * <pre>{@code
 * SyncWindow freeze = SyncWindow.builder().deny().schedule("0 22 * * *").duration("8h")
 *         .timeZone("Europe/Berlin").applications("shop-*").manualSync(true).build();
 * }</pre>
 */
public final class SyncWindow {
    private final Kind kind;
    private final CronSchedule schedule;
    private final Duration duration;
    private final ZoneId timeZone;
    private final List<ApplicationPattern> applications;
    private final boolean manualSync;

    private SyncWindow(Builder b) {
        this.kind = b.kind;
        this.schedule = b.schedule;
        this.duration = b.duration;
        this.timeZone = b.timeZone;
        this.applications = List.copyOf(b.applications);
        this.manualSync = b.manualSync;
    }

    /** Whether a window lets syncs through while active or stops them. */
    public enum Kind {
        /** Syncs of a matching application run only while one of its allow windows is active. */
        ALLOW,
        /** Syncs of a matching application do not run while the window is active. */
        DENY
    }

    /**
     * Returns a builder with the defaults (UTC, manual sync not allowed).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the kind.
     *
     * @return allow or deny
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns when the window starts.
     *
     * @return the schedule
     */
    public CronSchedule schedule() {
        return schedule;
    }

    /**
     * Returns how long the window stays active after each start.
     *
     * @return a positive duration
     */
    public Duration duration() {
        return duration;
    }

    /**
     * Returns the time zone whose wall clock the schedule reads.
     *
     * @return the zone
     */
    public ZoneId timeZone() {
        return timeZone;
    }

    /**
     * Returns the application-name patterns the window applies to.
     *
     * @return an unmodifiable list, not empty
     */
    public List<String> applications() {
        return applications.stream().map(ApplicationPattern::text).toList();
    }

    /**
     * Tells whether manual syncs may run while this window blocks.
     *
     * @return {@code true} when manual syncs are let through
     */
    public boolean manualSync() {
        return manualSync;
    }

    /**
     * Tells whether the window applies to an application.
     *
     * @param application the application's name
     * @return {@code true} when one of the patterns matches the whole name
     */
    public boolean appliesTo(String application) {
        requireNonNull(application, "application is null");
        return applications.stream().anyMatch(p -> p.matches(application));
    }

    /**
     * Tells whether the window is active at an instant: some start lies in {@code (now - duration, now]}.
     *
     * @param now the instant
     * @return {@code true} when active
     */
    public boolean activeAt(Instant now) {
        return schedule.nextStart(now.minus(duration), timeZone).filter(start -> !start.isAfter(now)).isPresent();
    }

    /**
     * Returns the first instant after the given one at which the window starts or one of its active spans ends:
     * the only instants at which {@link #activeAt} can change.
     *
     * @param after the instant
     * @return the instant, empty when the schedule has no start within five years
     */
    public Optional<Instant> nextChange(Instant after) {
        Optional<Instant> start = schedule.nextStart(after, timeZone);
        Optional<Instant> end = schedule.nextStart(after.minus(duration), timeZone).map(s -> s.plus(duration));
        if (start.isEmpty() || end.isEmpty()) {
            return start.isEmpty() ? end : start;
        }
        return Optional.of(start.get().isBefore(end.get()) ? start.get() : end.get());
    }

    /**
     * Describes the window for statuses and logs, e.g. {@code deny '0 22 * * *' for 8h in Europe/Berlin}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " '" + schedule + "' for " + WindowDuration.format(duration)
                + " in " + timeZone.getId() + (manualSync ? " (manual sync allowed)" : "");
    }

    /**
     * Configures a {@link SyncWindow}, from {@link SyncWindow#builder()}.
     *
     * <p>Not thread-safe; the window it builds is immutable and thread-safe.
     */
    public static final class Builder {
        private Kind kind;
        private CronSchedule schedule;
        private Duration duration;
        private ZoneId timeZone = ZoneId.of("UTC");
        private final List<ApplicationPattern> applications = new ArrayList<>();
        private boolean manualSync;

        private Builder() {
        }

        /**
         * Sets the kind (required).
         *
         * @param value allow or deny
         * @return this builder
         */
        public Builder kind(Kind value) {
            this.kind = requireNonNull(value, "kind is null");
            return this;
        }

        /**
         * Makes this an allow window; the same as {@code kind(Kind.ALLOW)}.
         *
         * @return this builder
         */
        public Builder allow() {
            return kind(Kind.ALLOW);
        }

        /**
         * Makes this a deny window; the same as {@code kind(Kind.DENY)}.
         *
         * @return this builder
         */
        public Builder deny() {
            return kind(Kind.DENY);
        }

        /**
         * Sets when the window starts (required).
         *
         * @param value a cron schedule such as {@code "0 22 * * 1-5"} or {@code "@daily"}
         * @return this builder
         * @throws IllegalArgumentException when the schedule does not parse; the message names the field
         */
        public Builder schedule(String value) {
            this.schedule = CronSchedule.parse(value);
            return this;
        }

        /**
         * Sets when the window starts (required).
         *
         * @param value the schedule
         * @return this builder
         */
        public Builder schedule(CronSchedule value) {
            this.schedule = requireNonNull(value, "schedule is null");
            return this;
        }

        /**
         * Sets how long the window stays active after each start (required).
         *
         * @param value positive
         * @return this builder
         */
        public Builder duration(Duration value) {
            requireNonNull(value, "duration is null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("duration must be positive: " + value);
            }
            this.duration = value;
            return this;
        }

        /**
         * Sets how long the window stays active after each start (required), as Argo CD writes it.
         *
         * @param value e.g. {@code "1h"}, {@code "30m"}, {@code "1h30m"}
         * @return this builder
         * @throws IllegalArgumentException when the text is not such a duration, or is zero
         */
        public Builder duration(String value) {
            return duration(WindowDuration.parse(requireNonNull(value, "duration is null")));
        }

        /**
         * Sets the time zone whose wall clock the schedule reads (default UTC).
         *
         * @param value the zone
         * @return this builder
         */
        public Builder timeZone(ZoneId value) {
            this.timeZone = requireNonNull(value, "timeZone is null");
            return this;
        }

        /**
         * Sets the time zone by its IANA name (default UTC).
         *
         * @param value e.g. {@code "Europe/Berlin"}
         * @return this builder
         * @throws IllegalArgumentException when the zone is unknown
         */
        public Builder timeZone(String value) {
            requireNonNull(value, "timeZone is null");
            try {
                return timeZone(ZoneId.of(value));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("timeZone '" + value + "' is not a known time zone, e.g. "
                        + "Europe/Berlin or UTC", e);
            }
        }

        /**
         * Adds application-name patterns the window applies to (at least one is required; {@code "*"} is every
         * application).
         *
         * @param patterns names or patterns with {@code *} and {@code ?}, e.g. {@code "shop-*"}
         * @return this builder
         */
        public Builder applications(String... patterns) {
            for (String pattern : patterns) {
                applications.add(ApplicationPattern.of(pattern));
            }
            return this;
        }

        /**
         * Sets whether manual syncs may run while this window blocks (default off).
         *
         * @param value whether to let manual syncs through
         * @return this builder
         */
        public Builder manualSync(boolean value) {
            this.manualSync = value;
            return this;
        }

        /**
         * Builds the window.
         *
         * @return the window
         * @throws IllegalStateException when the kind, schedule, duration or every application pattern is missing
         */
        public SyncWindow build() {
            String missing = kind == null ? "kind (allow or deny)" : schedule == null ? "schedule"
                    : duration == null ? "duration" : applications.isEmpty() ? "applications (\"*\" for all)" : null;
            if (missing != null) {
                throw new IllegalStateException("a sync window needs its " + missing);
            }
            return new SyncWindow(this);
        }
    }
}
