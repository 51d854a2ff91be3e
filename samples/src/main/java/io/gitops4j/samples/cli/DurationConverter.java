package io.gitops4j.samples.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads every duration option: Go-style ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms}, {@code 1.5h};
 * units {@code ns}, {@code us}, {@code ms}, {@code s}, {@code m}, {@code h}), ISO-8601 ({@code PT30S}), or
 * {@code 0}. Negative durations are refused. Stateless and thread-safe.
 */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /**
     * Parses a duration.
     *
     * @param text {@code 1h30m}, {@code 500ms}, {@code PT30S} or {@code 0}
     * @return the duration, never negative
     * @throws TypeConversionException when the text is neither form, or negative
     */
    static Duration parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
            return iso(trimmed);
        }
        Matcher part = PART.matcher(trimmed);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (part.lookingAt()) {
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(2)))));
            end = part.end();
            part.region(end, trimmed.length());
        }
        if (end == 0 || end != trimmed.length()) {
            throw invalid(text);
        }
        return Duration.ofNanos(nanos.longValue());
    }

    private static Duration iso(String text) {
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative()) {
                throw invalid(text);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw invalid(text);
        }
    }

    private static TypeConversionException invalid(String text) {
        return new TypeConversionException("'" + text + "' is not a duration; write it like 30s, 5m, 1h30m, 500ms "
                + "or ISO-8601 PT30S");
    }
}
