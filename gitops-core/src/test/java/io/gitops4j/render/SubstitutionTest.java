package io.gitops4j.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.ManifestException;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubstitutionTest {
    private static final ManifestLoader LOADER = ManifestLoader.defaults();

    @Test
    void substitutesBracedVariablesWithDefaultsAndKeepsEscapes() {
        Resource in = one("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web-${ENV}
                  namespace: ${NS:=shop}
                spec:
                  replicas: ${REPLICAS:-1}
                  template:
                    metadata:
                      annotations:
                        literal: $${ENV}
                        plain: $ENV
                        unset: "[${UNSET}]"
                        empty: ${EMPTY:-fallback}
                        dash: ${EMPTY-kept}
                """);
        Substitution substitution = Substitution.builder().variable("ENV", "prod").variable("REPLICAS", "3")
                .variable("EMPTY", "").build();

        Resource out = substitution.apply(List.of(in), LOADER).get(0);

        assertThat(out.key().name()).isEqualTo("web-prod");
        assertThat(out.key().namespace()).isEqualTo("shop");
        assertThat(out.tree().at("/spec/replicas").isInt()).isTrue();
        assertThat(out.tree().at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(out.tree().at("/spec/template/metadata/annotations").toString())
                .contains("\"literal\":\"${ENV}\"", "\"plain\":\"$ENV\"", "\"unset\":\"[]\"",
                        "\"empty\":\"fallback\"", "\"dash\":\"\"");
        assertThat(out.provenance()).isEqualTo(in.provenance());
    }

    @Test
    void inlineVariablesWinOverSourcesAndLaterSourcesOverEarlierOnes() {
        Resource in = one(configMap("a: ${A}\n  b: ${B}\n  c: ${C}"));
        Substitution substitution = Substitution.builder()
                .from(source(Map.of("A", "first", "B", "first", "C", "first")))
                .from(source(Map.of("B", "second", "C", "second")))
                .variable("C", "inline").build();

        Resource out = substitution.apply(List.of(in), LOADER).get(0);

        assertThat(out.tree().at("/data").toString()).isEqualTo("{\"a\":\"first\",\"b\":\"second\",\"c\":\"inline\"}");
    }

    @Test
    void anObjectMarkedDisabledIsLeftAlone() {
        Resource annotated = one(configMap("a: ${A}").replace("  name: cm", "  name: cm\n  annotations:\n"
                + "    kustomize.toolkit.fluxcd.io/substitute: disabled"));
        Resource labelled = one(configMap("a: ${A}").replace("  name: cm", "  name: cm2\n  labels:\n"
                + "    kustomize.toolkit.fluxcd.io/substitute: disabled"));

        List<Resource> out = Substitution.builder().variable("A", "x").build().apply(List.of(annotated, labelled),
                LOADER);

        assertThat(out.get(0)).isSameAs(annotated);
        assertThat(out.get(1)).isSameAs(labelled);
    }

    @Test
    void strictModeNamesTheUnsetVariableAndABrokenResultNeverShowsTheValue() {
        Resource in = one(configMap("a: ${MISSING}"));
        assertThatThrownBy(() -> Substitution.builder().variable("X", "y").strict(true).build()
                .apply(List.of(in), LOADER))
                .isInstanceOf(ManifestException.class).hasMessageContaining("'MISSING'");

        Resource structured = one(configMap("a: ${PASSWORD}"));
        Resource out = Substitution.builder().variable("PASSWORD", "s3cr3t: [unclosed").build()
                .apply(List.of(structured), LOADER).get(0);
        assertThat(out.tree().at("/data/a").asText()).isEqualTo("s3cr3t: [unclosed");

        Resource badName = one(configMap("a: b").replace("name: cm", "name: ${NAME}"));
        assertThatThrownBy(() -> Substitution.builder().variable("NAME", "12345").build()
                .apply(List.of(badName), LOADER)).isInstanceOf(ManifestException.class).hasMessageContaining("after variable substitution").hasMessageNotContaining("12345");
    }

    @Test
    void nothingConfiguredChangesNothing() {
        Resource in = one(configMap("a: ${A}"));
        assertThat(Substitution.none().apply(List.of(in), LOADER).get(0)).isSameAs(in);
    }

    private static SubstitutionSource source(Map<String, String> values) {
        return new SubstitutionSource() {
            @Override
            public String describe() {
                return "test";
            }

            @Override
            public Map<String, String> variables() {
                return values;
            }
        };
    }

    private static String configMap(String data) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  " + data + "\n";
    }

    private static Resource one(String yaml) {
        return LOADER.parse("app/x.yaml", yaml.getBytes(StandardCharsets.UTF_8)).get(0);
    }
}
