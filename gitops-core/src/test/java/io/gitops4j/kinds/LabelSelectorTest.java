package io.gitops4j.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kubernetes label selectors: what each form selects, how it renders, and Kubernetes' message for each mistake. */
class LabelSelectorTest {
    private static final Map<String, String> WEB = Map.of("app", "web", "tier", "front", "replicas", "5",
            "example.com/team", "blue", "empty", "");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                             | true",
        "app=web                        | true",
        "app==web                       | true",
        "app=api                        | false",
        "app!=web                       | false",
        "missing!=x                     | true",
        "missing=x                      | false",
        "tier in (front, back)          | true",
        "tier in (back)                 | false",
        "missing in (x)                 | false",
        "tier notin (front)             | false",
        "missing notin (x)              | true",
        "app                            | true",
        "missing                        | false",
        "!app                           | false",
        "!missing                       | true",
        "'  app = web ,  tier  '        | true",
        "app,!missing                   | true",
        "app=web,tier=back              | false",
        "empty=                         | true",
        "empty in ()                    | true",
        "empty in (,x)                  | true",
        "app in (,web)                  | true",
        "replicas>4                     | true",
        "replicas<5                     | false",
        "app>1                          | false",
        "missing<10                     | false",
        "example.com/team=blue          | true",
        "in in (in)                     | false",
        "notin notin (in),in notin (x)  | true",
        "app in (web,,api)              | true"
    })
    void selectsAsKubernetesDoes(String selector, boolean selected) {
        assertThat(LabelSelector.parse(selector).matches(WEB)).as(selector).isEqualTo(selected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a in (b           | unable to parse requirement: found '', expected: ',' or ')'",
        "a=b,,c            | found ',', expected: identifier after ','",
        "a,                | found '', expected: identifier after ','",
        ",a                | found ',', expected: !, identifier, or 'end of string'",
        "=a                | found '=', expected: !, identifier, or 'end of string'",
        "a=b c             | found 'c', expected: ',' or 'end of string'",
        "a=b=c             | found '=', expected: ',' or 'end of string'",
        "!a=b              | found '=', expected: ',' or 'end of string'",
        "a in (b))         | found ')', expected: ',' or 'end of string'",
        "a b               | unable to parse requirement: found 'b', expected: '=', '!=', '==', 'in', notin'",
        "a!                | unable to parse requirement: found '!', expected: '=', '!=', '==', 'in', notin'",
        "a in b            | unable to parse requirement: found 'b' expected: '('",
        "a notin           | unable to parse requirement: found '' expected: '('",
        "a in ((b)         | unable to parse requirement: found '(', expected: ',', ')' or identifier",
        "a in (b c)        | unable to parse requirement: found 'c', expected: ',' or ')'",
        "a in (,,)         | unable to parse requirement: found ')', expected: ',', or identifier",
        "a=(b)             | unable to parse requirement: found '(', expected: identifier",
        "!                 | unable to parse requirement: found '', expected: identifier",
        "!!a               | unable to parse requirement: found '!', expected: identifier",
        "n>x               | unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer",
        "n>                | unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer",
        "/a                | unable to parse requirement: invalid label key \"/a\": prefix part must be non-empty",
    })
    void refusesAMalformedSelectorWithKubernetesMessage(String selector, String message) {
        assertThatThrownBy(() -> LabelSelector.parse(selector)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void refusesInvalidKeysAndValuesSayingWhichAndWhy() {
        assertThatThrownBy(() -> LabelSelector.parse("a/b/c=1")).hasMessageStartingWith(
                "unable to parse requirement: invalid label key \"a/b/c\": a qualified name must consist of "
                        + "alphanumeric characters").hasMessageEndingWith("(e.g. 'example.com/MyName')");
        assertThatThrownBy(() -> LabelSelector.parse("-a")).hasMessageStartingWith(
                "unable to parse requirement: invalid label key \"-a\": name part must consist of");
        assertThatThrownBy(() -> LabelSelector.parse("a/")).hasMessageStartingWith(
                "unable to parse requirement: invalid label key \"a/\": name part must be non-empty; name part must "
                        + "consist of");
        assertThatThrownBy(() -> LabelSelector.parse("Example.com/a")).hasMessageContaining(
                "prefix part a DNS-1123 subdomain must consist of lower case alphanumeric characters");
        assertThatThrownBy(() -> LabelSelector.parse("a" .repeat(64))).hasMessageContaining(
                "name part must be no more than 63 characters");
        assertThatThrownBy(() -> LabelSelector.parse("a=$x")).hasMessageStartingWith(
                "unable to parse requirement: invalid label value: \"$x\": at key: \"a\": a valid label must be an "
                        + "empty string or consist of");
        assertThatThrownBy(() -> LabelSelector.parse("a in (b,-c)")).hasMessageContaining("invalid label value: \"-c\"");
        assertThatThrownBy(() -> LabelSelector.parse("a=" + "1".repeat(64))).hasMessageEndingWith(
                "at key: \"a\": must be no more than 63 characters");
    }

    @Test
    void rendersAsKubernetesDoesKeysSortedAndValuesSortedOnce() {
        assertThat(LabelSelector.parse(" tier in ( front ,back,front ), !canary,app==web, n>5, a notin ()"))
                .hasToString("a notin (),app==web,!canary,n>5,tier in (back,front)");
        assertThat(LabelSelector.parse("")).hasToString("").isEqualTo(LabelSelector.everything());
        assertThat(LabelSelector.parse("b,a=1")).isEqualTo(LabelSelector.parse("a=1, b"));
        assertThat(LabelSelector.everything().isEmpty()).isTrue();
    }

    @Test
    void readsTheLabelsOfAnObjectTree() throws Exception {
        ObjectMapper json = new ObjectMapper();
        LabelSelector selector = LabelSelector.parse("app=web,!gone,n>1");

        assertThat(selector.matches(json.readTree("{\"app\": \"web\", \"gone\": null, \"n\": 2}"))).isTrue();
        assertThat(selector.matches(json.readTree("{\"app\": \"api\"}"))).isFalse();
        assertThat(LabelSelector.parse("!app").matches((com.fasterxml.jackson.databind.JsonNode) null)).isTrue();
        assertThat(LabelSelector.parse("app").matches(json.readTree("\"text\""))).isFalse();
    }
}
