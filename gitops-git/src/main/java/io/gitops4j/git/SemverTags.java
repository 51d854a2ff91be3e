package io.gitops4j.git;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.semver4j.Semver;
import org.semver4j.range.RangeList;
import org.semver4j.range.RangeListFactory;

/** Picks the highest tag satisfying a semver range with semver4j; tags may start with {@code v}. */
final class SemverTags {
    private SemverTags() {
    }

    static RangeList parseRange(String range, boolean includePrereleases) {
        RangeList parsed;
        try {
            parsed = RangeListFactory.create(range, includePrereleases);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + range + "' is not a valid semver range: " + e.getMessage(), e);
        }
        if (range.isBlank() || parsed.get().isEmpty()) {
            throw new IllegalArgumentException("'" + range + "' is not a valid semver range");
        }
        return parsed;
    }

    /** Returns the tag name with the highest version in {@code range}, if any. */
    static Optional<String> highest(Collection<String> tagNames, String range, boolean includePrereleases) {
        RangeList ranges = parseRange(range, includePrereleases);
        return tagNames.stream()
                .map(tag -> new Candidate(tag, version(tag)))
                .filter(candidate -> candidate.version() != null)
                .filter(candidate -> includePrereleases || candidate.version().isStable())
                .filter(candidate -> ranges.isSatisfiedBy(candidate.version()))
                .max(Comparator.comparing(Candidate::version).thenComparing(Candidate::tag))
                .map(Candidate::tag);
    }

    private static Semver version(String tag) {
        String text = tag.startsWith("v") || tag.startsWith("V") ? tag.substring(1) : tag;
        return Semver.parse(text);
    }

    private record Candidate(String tag, Semver version) {
        Candidate {
            Objects.requireNonNull(tag);
        }
    }
}
