package io.gitops4j.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.model.Resource;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CelHealthCheckTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /* In the style of Flux's CEL cheatsheet entry for cert-manager. */
    private static final CelHealthCheck CERTIFICATES = CelHealthCheck.builder().apiVersion("cert-manager.io/v1")
            .kind("Certificate")
            .current("status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'True')")
            .failed("status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'False')")
            .build();

    private static final CelHealthCheck WIDGETS = CelHealthCheck.builder().apiVersion("example.com/v1")
            .kind("Widget")
            .inProgress("has(self.status) && has(self.status.phase) && self.status.phase == 'Provisioning'")
            .failed("has(self.status) && self.status.?conditions.orValue([])"
                    + ".exists(c, c.type == 'Ready' && c.status == 'False' && c.reason == 'Failed')")
            .current("has(self.status) && self.status.?conditions.orValue([])"
                    + ".exists(c, c.type == 'Ready' && c.status == 'True')")
            .build();

    @Test
    void aReadyCertificateIsHealthyAndANotReadyOneDegraded() {
        assertThat(CERTIFICATES.assess(certificate("True"))).contains(Health.healthy());
        assertThat(CERTIFICATES.assess(certificate("False"))).hasValueSatisfying(health -> {
            assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
            assertThat(health.message()).isEqualTo("failed expression holds");
        });
        assertThat(CERTIFICATES.assess(certificate("Unknown"))).hasValueSatisfying(health ->
                assertThat(health.status()).isEqualTo(HealthStatus.PROGRESSING));
    }

    @Test
    void otherKindsAreLeftToTheNextAssessor() {
        Resource issuer = resource("""
                apiVersion: cert-manager.io/v1
                kind: Issuer
                metadata: {name: letsencrypt, namespace: shop}
                """);
        Resource widget = resource("""
                apiVersion: other.example.com/v1
                kind: Certificate
                metadata: {name: web, namespace: shop}
                """);

        assertThat(CERTIFICATES.assess(issuer)).isEmpty();
        assertThat(CERTIFICATES.assess(widget)).isEmpty();
    }

    @Test
    void theVersionOfTheKindDoesNotMatter() {
        Resource v1beta1 = resource(certificateYaml("True").replace("cert-manager.io/v1", "cert-manager.io/v1beta1"));

        assertThat(CERTIFICATES.assess(v1beta1)).contains(Health.healthy());
    }

    @Test
    void inProgressIsEvaluatedFirstThenFailedThenCurrent() {
        // given: a widget that says both provisioning and ready
        Resource both = widget("""
                phase: Provisioning
                conditions:
                - {type: Ready, status: "True"}
                """);
        Resource failed = widget("""
                phase: Running
                conditions:
                - {type: Ready, status: "False", reason: Failed}
                """);
        Resource ready = widget("""
                phase: Running
                conditions:
                - {type: Ready, status: "True"}
                """);

        // then
        assertThat(WIDGETS.assess(both).orElseThrow())
                .isEqualTo(Health.progressing("inProgress expression holds"));
        assertThat(WIDGETS.assess(failed).orElseThrow().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(WIDGETS.assess(ready).orElseThrow()).isEqualTo(Health.healthy());
    }

    @Test
    void anObservedGenerationBehindTheGenerationIsProgressingWhateverTheExpressionsSay() {
        // given
        Resource stale = resource("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w, namespace: shop, generation: 3}
                status:
                  observedGeneration: 2
                  conditions:
                  - {type: Ready, status: "True"}
                """);

        // then
        assertThat(WIDGETS.assess(stale).orElseThrow())
                .isEqualTo(Health.progressing("status.observedGeneration 2 is behind metadata.generation 3"));
    }

    @Test
    void aMissingStatusIsProgressingWhenTheExpressionsGuardAgainstIt() {
        Resource fresh = resource("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w, namespace: shop}
                """);

        assertThat(WIDGETS.assess(fresh).orElseThrow())
                .isEqualTo(Health.progressing("the current expression does not hold yet"));
    }

    @Test
    void anExpressionThatCannotBeEvaluatedGivesUnknownHealthWithTheReason() {
        // given: expressions that read a status the object does not have yet, by name and through self
        Resource fresh = resource("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web, namespace: shop}
                """);
        CelHealthCheck throughSelf = CelHealthCheck.builder().apiVersion("cert-manager.io/v1").kind("Certificate")
                .current("self.status.conditions.exists(c, c.type == 'Ready')").build();

        // when
        Health byName = CERTIFICATES.assess(fresh).orElseThrow();
        Health bySelf = throughSelf.assess(fresh).orElseThrow();

        // then
        assertThat(byName.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(byName.message()).startsWith("CEL health check for Certificate.cert-manager.io: the failed "
                + "expression 'status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'False')' could not "
                + "be evaluated: ").contains("'conditions'");
        assertThat(bySelf.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(bySelf.message()).contains("the current expression").contains("status");
    }

    @Test
    void aBadExpressionIsRejectedWhenTheCheckIsBuiltNamingIt() {
        assertThatThrownBy(() -> CelHealthCheck.builder().apiVersion("example.com/v1").kind("Widget")
                .current("status.conditions.exists(c, c.type == 'Ready'").build())
                .isInstanceOf(CelExpressionException.class)
                .hasMessageStartingWith("CEL health check for Widget.example.com: the current expression "
                        + "'status.conditions.exists(c, c.type == 'Ready'' does not compile: ")
                .satisfies(e -> assertThat(((CelExpressionException) e).field()).isEqualTo("current"));
        assertThatThrownBy(() -> CelHealthCheck.builder().group("example.com").kind("Widget").current("true")
                .failed("status.phase.isBroken()").build())
                .isInstanceOf(CelExpressionException.class)
                .hasMessageContaining("the failed expression 'status.phase.isBroken()'")
                .hasMessageContaining("undeclared reference to 'isBroken'");
        assertThatThrownBy(() -> CelHealthCheck.builder().group("example.com").kind("Widget").current("true")
                .inProgress("1 + 2").build())
                .isInstanceOf(CelExpressionException.class)
                .hasMessageContaining("the inProgress expression '1 + 2'").hasMessageContaining("not a bool");
    }

    @Test
    void theKindAndTheCurrentExpressionAreRequired() {
        assertThatThrownBy(() -> CelHealthCheck.builder().current("true").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> CelHealthCheck.builder().apiVersion("example.com/v1").kind("Widget")
                .failed("false").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Widget.example.com")
                .hasMessageContaining("current");
    }

    @Test
    void numbersCompareAcrossIntAndDouble() {
        CelHealthCheck replicas = CelHealthCheck.builder().apiVersion("example.com/v1").kind("Widget")
                .current("status.readyReplicas * 2 >= spec.replicas && status.readyReplicas > 1.5").build();
        Resource half = resource("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w, namespace: shop}
                spec: {replicas: 4}
                status: {readyReplicas: 2}
                """);

        assertThat(replicas.assess(half)).contains(Health.healthy());
    }

    @Test
    void aRegistryAssessesEachKindWithItsCheckAndRefusesTwoForOneKind() {
        CelHealthChecks checks = CelHealthChecks.of(List.of(CERTIFICATES, WIDGETS));

        assertThat(checks.assess(certificate("True"))).contains(Health.healthy());
        assertThat(checks.assess(widget("phase: Provisioning"))).hasValueSatisfying(health ->
                assertThat(health.status()).isEqualTo(HealthStatus.PROGRESSING));
        assertThat(checks.assess(resource("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, namespace: shop}
                """))).isEmpty();
        assertThatThrownBy(() -> CelHealthChecks.of(List.of(WIDGETS, WIDGETS)))
                .hasMessageContaining("two CEL health checks for Widget.example.com");
    }

    private static Resource certificate(String ready) {
        return resource(certificateYaml(ready));
    }

    private static String certificateYaml(String ready) {
        return """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web, namespace: shop}
                spec: {secretName: web-tls, dnsNames: [shop.example.com]}
                status:
                  conditions:
                  - {type: Ready, status: "%s", reason: Issued}
                """.formatted(ready);
    }

    private static Resource widget(String status) {
        return resource("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w, namespace: shop}
                status:
                """ + status.indent(2));
    }

    private static Resource resource(String yaml) {
        try {
            return Resource.of(YAML.readTree(yaml));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
