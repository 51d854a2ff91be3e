package io.gitops4j.testkit.k8s.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The decoded query parameters of a request (the last value wins when a name repeats). */
public final class Query {

    private final Map<String, String> values;

    private Query(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Parses a raw query string (may be {@code null}). */
    public static Query parse(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                values.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return new Query(values);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The parameter's value, or "" when absent. */
    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    /** Whether the parameter is "true" or "1". */
    public boolean flag(String name) {
        String value = get(name);
        return value.equals("true") || value.equals("1");
    }

    /** Whether the request asks for a dry run ({@code dryRun=All}). */
    public boolean dryRun() {
        return get("dryRun").equals("All");
    }

    /** A query with one more parameter, for requests built internally. */
    public Query with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Query(copy);
    }

    /** The empty query. */
    public static Query empty() {
        return new Query(Map.of());
    }
}
