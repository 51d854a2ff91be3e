package io.gitops4j.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Selectors written in any of their spellings select what their requirements mean, and their rendering parses back
 * to the same selector, which selects the same label sets.
 */
class LabelSelectorPropertiesTest {
    private static final List<String> KEYS = List.of("app", "tier", "in", "notin", "example.com/team", "n");
    private static final List<String> VALUES = List.of("", "web", "front", "in", "notin", "1", "5", "x.y_z");
    private static final List<String> NUMBERS = List.of("0", "1", "5", "10");

    /** A generated selector: its text in a random spelling and what it means. */
    private record Case(String text, Predicate<Map<String, String>> meaning, Map<String, String> labels) {
        @Override
        public String toString() {
            return "'" + text + "' on " + labels;
        }
    }

    @Test
    void aSelectorSelectsWhatItsRequirementsMean() {
        qt().withExamples(2000).forAll(longs().all()).as(LabelSelectorPropertiesTest::generate)
                .checkAssert(c -> assertThat(LabelSelector.parse(c.text()).matches(c.labels()))
                        .as(c.toString()).isEqualTo(c.meaning().test(c.labels())));
    }

    @Test
    void theRenderingParsesBackToTheSameSelectorSelectingTheSameLabels() {
        qt().withExamples(2000).forAll(longs().all()).as(LabelSelectorPropertiesTest::generate).checkAssert(c -> {
            LabelSelector parsed = LabelSelector.parse(c.text());

            LabelSelector again = LabelSelector.parse(parsed.toString());

            assertThat(again).as(c.toString()).isEqualTo(parsed);
            assertThat(again.toString()).isEqualTo(parsed.toString());
            assertThat(again.matches(c.labels())).isEqualTo(parsed.matches(c.labels()));
        });
    }

    private static Case generate(long seed) {
        Random random = new Random(seed);
        List<String> parts = new ArrayList<>();
        Predicate<Map<String, String>> meaning = labels -> true;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String key = pick(random, KEYS);
            String space = random.nextBoolean() ? "" : " ";
            Predicate<Map<String, String>> requirement;
            switch (random.nextInt(8)) {
                case 0, 1 -> {
                    String value = pick(random, VALUES);
                    parts.add(key + space + pick(random, List.of("=", "==")) + space + value);
                    requirement = labels -> value.equals(labels.get(key));
                }
                case 2 -> {
                    String value = pick(random, VALUES);
                    parts.add(key + space + "!=" + space + value);
                    requirement = labels -> !value.equals(labels.get(key));
                }
                case 3, 4 -> {
                    List<String> values = new ArrayList<>();
                    for (int v = 1 + random.nextInt(3); v > 0; v--) {
                        values.add(pick(random, VALUES.subList(1, VALUES.size())));
                    }
                    boolean in = random.nextBoolean();
                    parts.add(key + " " + (in ? "in" : "notin") + space + "(" + String.join("," + space, values)
                            + ")");
                    requirement = labels -> labels.containsKey(key) && values.contains(labels.get(key)) == in
                            || !in && !labels.containsKey(key);
                }
                case 5 -> {
                    parts.add(key);
                    requirement = labels -> labels.containsKey(key);
                }
                case 6 -> {
                    parts.add("!" + space + key);
                    requirement = labels -> !labels.containsKey(key);
                }
                default -> {
                    long bound = Long.parseLong(pick(random, NUMBERS));
                    boolean greater = random.nextBoolean();
                    parts.add(key + space + (greater ? ">" : "<") + space + bound);
                    requirement = labels -> labels.get(key) != null && labels.get(key).matches("[0-9]+")
                            && (greater ? Long.parseLong(labels.get(key)) > bound
                                    : Long.parseLong(labels.get(key)) < bound);
                }
            }
            meaning = meaning.and(requirement);
        }
        Map<String, String> labels = new HashMap<>();
        for (String key : KEYS) {
            if (random.nextInt(3) > 0) {
                labels.put(key, random.nextBoolean() ? pick(random, VALUES) : pick(random, NUMBERS));
            }
        }
        return new Case(String.join(random.nextBoolean() ? "," : " , ", parts), meaning, Map.copyOf(labels));
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
