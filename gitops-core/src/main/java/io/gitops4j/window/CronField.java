package io.gitops4j.window;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One field of a five-field cron schedule (minute, hour, day of month, month, day of week): its name, bounds and
 * the names its values may go by, and the parsing of one field's text into the set of values it allows. Stateless.
 */
enum CronField {
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    DAY_OF_WEEK("day-of-week", 0, 6, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    private final String label;
    private final int min;
    private final int max;
    private final List<String> names;

    CronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    /** Returns the field's name as error messages use it, e.g. {@code day-of-week}. */
    String label() {
        return label;
    }

    /**
     * Parses a field's text: a comma-separated list of {@code *}, {@code ?} (day fields only), a value, a range
     * {@code a-b}, each optionally with a step {@code /n}; {@code a/n} means from {@code a} to the maximum.
     *
     * @throws IllegalArgumentException naming the field and the offending part
     */
    BitSet parse(String text) {
        if (text.isEmpty()) {
            throw problem(text, "it is empty");
        }
        BitSet values = new BitSet(max + 1);
        for (String item : text.split(",", -1)) {
            parseItem(text, item, values);
        }
        return values;
    }

    private void parseItem(String text, String item, BitSet values) {
        if (item.isEmpty()) {
            throw problem(text, "an empty list entry");
        }
        int slash = item.indexOf('/');
        String range = slash < 0 ? item : item.substring(0, slash);
        int step = slash < 0 ? 1 : number(text, item.substring(slash + 1), "step");
        if (step < 1) {
            throw problem(text, "step " + step + " must be at least 1");
        }
        int from;
        int to;
        if (range.equals("*") || range.equals("?") && isDayField()) {
            from = min;
            to = max;
        } else {
            int dash = range.indexOf('-', 1);
            from = value(text, dash < 0 ? range : range.substring(0, dash));
            to = dash < 0 ? (slash < 0 ? from : max) : value(text, range.substring(dash + 1));
            if (from > to) {
                throw problem(text, "range " + range + " starts after it ends");
            }
        }
        for (int v = from; v <= to; v += step) {
            values.set(v);
        }
    }

    private boolean isDayField() {
        return this == DAY_OF_MONTH || this == DAY_OF_WEEK;
    }

    private int value(String text, String part) {
        int named = names.indexOf(part.toUpperCase(Locale.ROOT));
        int v = named >= 0 ? named + min : number(text, part, "value");
        if (v < min || v > max) {
            throw problem(text, v + " is outside " + min + "-" + max);
        }
        return v;
    }

    private int number(String text, String part, String what) {
        if (part.isEmpty() || part.length() > 9 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw problem(text, what + " '" + part + "' is not a number" + (names.isEmpty() ? ""
                    : " or one of " + String.join(", ", names)));
        }
        return Integer.parseInt(part);
    }

    private IllegalArgumentException problem(String text, String why) {
        return new IllegalArgumentException(label + " field '" + text + "': " + why);
    }
}
