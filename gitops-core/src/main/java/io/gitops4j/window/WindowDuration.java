package io.gitops4j.window;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes a window's duration the way Argo CD writes it (Go's duration syntax): one or more numbers, each
 * with a unit {@code h}, {@code m} or {@code s}, e.g. {@code 1h}, {@code 30m}, {@code 1h30m}, {@code 1.5h}. Stateless.
 */
final class WindowDuration {
    private static final Pattern PART = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?)([hms])");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}(?:\\.\\d{1,9})?[hms])+");

    private WindowDuration() {
    }

    /** Parses a duration; throws an {@link IllegalArgumentException} that quotes the text when it is not one. */
    static Duration parse(String text) {
        String trimmed = text.trim();
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("duration '" + text + "' is not a number with a unit h, m or s, "
                    + "e.g. 1h, 30m or 1h30m");
        }
        BigDecimal seconds = BigDecimal.ZERO;
        Matcher m = PART.matcher(trimmed);
        while (m.find()) {
            seconds = seconds.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitSeconds(m.group(2)))));
        }
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }

    private static long unitSeconds(String unit) {
        return unit.equals("h") ? 3600 : unit.equals("m") ? 60 : 1;
    }

    /** Formats a duration as hours, minutes and seconds, e.g. {@code 1h30m}, {@code 8h}, {@code 45s}. */
    static String format(Duration duration) {
        StringBuilder text = new StringBuilder();
        long hours = duration.toHours();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0 || duration.toNanosPart() > 0 || text.length() == 0) {
            text.append(duration.toSecondsPart());
            if (duration.toNanosPart() > 0) {
                text.append('.').append(String.format("%09d", duration.toNanosPart()).replaceAll("0+$", ""));
            }
            text.append('s');
        }
        return text.toString();
    }
}
