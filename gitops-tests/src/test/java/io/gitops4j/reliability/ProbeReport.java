package io.gitops4j.reliability;

import java.util.Map;
import java.util.StringJoiner;

/**
 * One summary line of a probe, printed to standard out as {@code RELIABILITY|probe|cases|passed|failed|figures}
 * for {@code reliability.sh} to collect into its table.
 */
final class ProbeReport {
    private ProbeReport() {
    }

    /**
     * Prints the line.
     *
     * @param probe the probe's name
     * @param cases cases tried
     * @param failed cases that broke a rule
     * @param figures named counts, e.g. orphans, wrong deletes, leaked threads
     */
    static void print(String probe, int cases, int failed, Map<String, ?> figures) {
        StringJoiner text = new StringJoiner(", ");
        figures.forEach((name, value) -> text.add(name + " " + value));
        System.out.println("RELIABILITY|" + probe + "|" + cases + "|" + (cases - failed) + "|" + failed + "|" + text);
    }
}
