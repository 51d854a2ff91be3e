package io.gitops4j.reliability;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The size and seed of one probe run, read from system properties {@code gitops4j.<probe>.cases} and
 * {@code gitops4j.<probe>.seed} (or {@code gitops4j.reliability.scale}, a multiplier of every default count).
 */
record ProbeSettings(String probe, int cases, long seed, long randomSeed) {
    /**
     * Reads the settings of a probe.
     *
     * @param probe the probe's name, e.g. {@code fuzz}
     * @param defaultCases the CI count
     * @param defaultSeed the fixed seed
     */
    static ProbeSettings of(String probe, int defaultCases, long defaultSeed) {
        double scale = Double.parseDouble(System.getProperty("gitops4j.reliability.scale", "1"));
        int cases = Integer.getInteger("gitops4j." + probe + ".cases", (int) Math.max(1, Math.round(defaultCases * scale)));
        long seed = Long.getLong("gitops4j." + probe + ".seed", defaultSeed);
        long random = Long.getLong("gitops4j." + probe + ".randomSeed", ThreadLocalRandom.current().nextLong());
        return new ProbeSettings(probe, cases, seed, random);
    }

    /** Whether the long run was asked for (a scale above 1). */
    static boolean longRun() {
        return Double.parseDouble(System.getProperty("gitops4j.reliability.scale", "1")) > 1;
    }

    /** The property flags that reproduce this run with the given seed. */
    String reproduce(long usedSeed) {
        return "-Dgitops4j." + probe + ".cases=" + cases + " -Dgitops4j." + probe + ".seed=" + usedSeed;
    }
}
