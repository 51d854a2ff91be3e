package io.gitops4j.window;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A standard five-field cron schedule, as Argo CD's sync windows use it: {@code minute hour day-of-month month
 * day-of-week}, each field a comma-separated list of {@code *}, values, ranges {@code a-b} and steps {@code /n}
 * ({@code a/n} runs from {@code a} to the field's maximum), months by number or {@code JAN}-{@code DEC}, days of
 * the week {@code 0}-{@code 6} (Sunday is 0) or {@code SUN}-{@code SAT}, names in any case; and the shortcuts
 * {@code @yearly} ({@code @annually}), {@code @monthly}, {@code @weekly}, {@code @daily} ({@code @midnight}) and
 * {@code @hourly}. As in cron, when both day fields are restricted (neither starts with {@code *} or {@code ?}) a
 * day matches either; otherwise it must match both.
 *
 * <p>Starts are the instants whose wall-clock time in the given zone matches, at whole minutes, which is how Argo
 * CD's cron library (robfig/cron) behaves across daylight-saving changes: a wall-clock time that does not exist
 * (in a spring-forward gap, e.g. 02:30 in Europe/Berlin on the last Sunday of March) is <em>skipped</em> that day,
 * not moved; a wall-clock time that occurs twice (in a fall-back overlap) starts at both instants.
 *
 * <p>Immutable and thread-safe.
 */
public final class CronSchedule {
    private static final Map<String, String> SHORTCUTS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    /* How far a search for the next start looks before it says there is none (robfig/cron looks five years). */
    private static final Duration HORIZON = Duration.ofDays(5 * 366);

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronSchedule(String text, String[] fields) {
        this.text = text;
        this.minutes = CronField.MINUTE.parse(fields[0]);
        this.hours = CronField.HOUR.parse(fields[1]);
        this.daysOfMonth = CronField.DAY_OF_MONTH.parse(fields[2]);
        this.months = CronField.MONTH.parse(fields[3]);
        this.daysOfWeek = CronField.DAY_OF_WEEK.parse(fields[4]);
        this.anyDayOfMonth = fields[2].startsWith("*") || fields[2].startsWith("?");
        this.anyDayOfWeek = fields[4].startsWith("*") || fields[4].startsWith("?");
    }

    /**
     * Parses a schedule.
     *
     * @param text five fields separated by blanks, or a shortcut such as {@code @daily}
     * @return the schedule
     * @throws IllegalArgumentException naming the schedule and the field at fault, e.g.
     *                                  {@code "schedule '61 * * * *': minute field '61': 61 is outside 0-59"}, or
     *                                  when the schedule can never start (e.g. {@code 0 0 31 2 *})
     */
    public static CronSchedule parse(String text) {
        requireNonNull(text, "schedule is null");
        String trimmed = text.trim();
        String expanded = trimmed.startsWith("@") ? SHORTCUTS.get(trimmed.toLowerCase(Locale.ROOT)) : trimmed;
        if (expanded == null) {
            throw new IllegalArgumentException("schedule '" + text + "': unknown shortcut; use one of @yearly, "
                    + "@annually, @monthly, @weekly, @daily, @midnight, @hourly or five fields");
        }
        String[] fields = expanded.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("schedule '" + text + "': expected 5 fields (minute hour "
                    + "day-of-month month day-of-week), found " + (expanded.isEmpty() ? 0 : fields.length));
        }
        CronSchedule schedule;
        try {
            schedule = new CronSchedule(trimmed, fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schedule '" + text + "': " + e.getMessage(), e);
        }
        schedule.checkSomeDayExists();
        return schedule;
    }

    private void checkSomeDayExists() {
        if (anyDayOfMonth || !anyDayOfWeek) {
            return;
        }
        for (int month = months.nextSetBit(1); month >= 0; month = months.nextSetBit(month + 1)) {
            if (daysOfMonth.nextSetBit(1) <= Month.of(month).maxLength()) {
                return;
            }
        }
        throw new IllegalArgumentException("schedule '" + text + "': day-of-month field: no selected month has "
                + "that day, so the schedule never starts");
    }

    /**
     * Returns the first start strictly after an instant.
     *
     * @param after the instant
     * @param zone the time zone whose wall clock the schedule reads
     * @return the start, at a whole minute; empty when there is none within five years
     */
    public Optional<Instant> nextStart(Instant after, ZoneId zone) {
        requireNonNull(after, "after is null");
        requireNonNull(zone, "zone is null");
        Instant limit = after.plus(HORIZON);
        Instant t = after.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        while (t.isBefore(limit)) {
            Instant next = skip(t, LocalDateTime.ofInstant(t, zone), zone);
            if (next == null) {
                return Optional.of(t);
            }
            t = next.isAfter(t) ? next : t.plus(1, ChronoUnit.MINUTES);
        }
        return Optional.empty();
    }

    /** Returns where the search goes on from a candidate that does not match, or {@code null} when it matches. */
    private Instant skip(Instant t, LocalDateTime local, ZoneId zone) {
        LocalDate day = local.toLocalDate();
        if (!months.get(local.getMonthValue())) {
            return day.withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
        }
        if (!dayMatches(day)) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        int hour = local.getHour();
        int minute = local.getMinute();
        if (!hours.get(hour)) {
            int nextHour = hours.nextSetBit(hour);
            return nextHour < 0 ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : forward(t, (nextHour - hour) * 60L - minute, zone);
        }
        if (!minutes.get(minute)) {
            int nextMinute = minutes.nextSetBit(minute);
            return forward(t, (nextMinute < 0 ? 60 : nextMinute) - minute, zone);
        }
        return null;
    }

    /* Moves on by whole minutes of elapsed time, stopping at an offset change so no wall-clock minute is jumped over. */
    private static Instant forward(Instant t, long minutes, ZoneId zone) {
        Instant target = t.plus(minutes, ChronoUnit.MINUTES);
        ZoneOffsetTransition transition = zone.getRules().nextTransition(t);
        if (transition != null && transition.getInstant().isBefore(target)) {
            return transition.getInstant().truncatedTo(ChronoUnit.MINUTES);
        }
        return target;
    }

    private boolean dayMatches(LocalDate day) {
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
        return anyDayOfMonth || anyDayOfWeek ? dom && dow : dom || dow;
    }

    /**
     * Returns the schedule as it was written (trimmed).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronSchedule other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
