package io.gitops4j.cel;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A health rule for one kind written in CEL, like an entry of Flux's {@code healthCheckExprs}: a {@code current}
 * expression (required) that holds when the object is healthy, and optional {@code failed} and {@code inProgress}
 * expressions. It is a {@link HealthAssessor}, registered beside the Java ones, e.g. with
 * {@code KubernetesTarget.builder().healthAssessor(check)}, or many at once with {@link CelHealthChecks}.
 *
 * <p>The rule, as Flux's (RFC 0009): when {@code status.observedGeneration} is present and differs from
 * {@code metadata.generation}, the object is {@code PROGRESSING}; otherwise the expressions are evaluated in the
 * order {@code inProgress} (true: {@code PROGRESSING}), {@code failed} (true: {@code DEGRADED}), {@code current}
 * (true: {@code HEALTHY}), and when none holds the object is {@code PROGRESSING}. Expressions read the object's
 * top-level fields by name ({@code status.conditions.exists(c, c.type == 'Ready' && c.status == 'True')}) or
 * the whole object as {@code self}. A top-level field the object lacks reads as an empty map, so
 * {@code has(status.conditions)} is simply false before a controller wrote any status (Flux reports an error there);
 * reading any other field the object lacks is an evaluation error: guard with {@code has(status.x)} or
 * {@code status.?x.orValue(...)}. An expression that cannot be evaluated on an object
 * makes its health {@code UNKNOWN} with a message naming the expression and CEL's error, never an exception.
 *
 * <p>Kinds are matched on group and kind; the version in {@link Builder#apiVersion} is ignored, as everywhere in
 * gitops4j. Every expression is compiled when the check is built, and a bad one is refused there. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * HealthAssessor widgets = CelHealthCheck.builder().apiVersion("example.com/v1").kind("Widget")
 *         .current("status.conditions.exists(c, c.type == 'Ready' && c.status == 'True')")
 *         .failed("status.conditions.exists(c, c.type == 'Ready' && c.status == 'False')")
 *         .build();
 * }</pre>
 */
public final class CelHealthCheck implements HealthAssessor {
    private final String group;
    private final String kind;
    private final List<Rule> rules;

    private CelHealthCheck(String group, String kind, List<Rule> rules) {
        this.group = group;
        this.kind = kind;
        this.rules = List.copyOf(rules);
    }

    /* An expression and the health it gives when it holds, in evaluation order. */
    private record Rule(HealthExpression expression, HealthStatus status) {
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the API group of the kind this check assesses.
     *
     * @return the group, {@code ""} for the core group
     */
    public String group() {
        return group;
    }

    /**
     * Returns the kind this check assesses.
     *
     * @return the kind
     */
    public String kind() {
        return kind;
    }

    /**
     * Assesses an object of this check's group and kind.
     *
     * @param live the live object
     * @return its health, or empty for any other kind
     */
    @Override
    public Optional<Health> assess(Resource live) {
        requireNonNull(live, "live is null");
        ResourceKey key = live.key();
        if (!key.group().equals(group) || !key.kind().equals(kind)) {
            return Optional.empty();
        }
        return Optional.of(health(live.tree()));
    }

    private Health health(JsonNode object) {
        JsonNode observed = object.path("status").path("observedGeneration");
        JsonNode generation = object.path("metadata").path("generation");
        if (observed.isIntegralNumber() && generation.isIntegralNumber() && observed.asLong() != generation.asLong()) {
            return Health.progressing("status.observedGeneration " + observed.asLong() + " is behind "
                    + "metadata.generation " + generation.asLong());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> self = object.isObject() ? (Map<String, Object>) CelValues.of(object) : Map.of();
        Map<String, Object> variables = new HashMap<>(self);
        variables.put("self", self);
        for (Rule rule : rules) {
            try {
                if (rule.expression().evaluate(variables)) {
                    return outcome(rule);
                }
            } catch (HealthExpression.EvaluationFailure e) {
                return Health.unknown("CEL health check for " + subject() + ": the " + rule.expression().field() + " expression '"
                        + rule.expression().text() + "' could not be evaluated: " + e.getMessage());
            }
        }
        return Health.progressing("the current expression does not hold yet");
    }

    private static Health outcome(Rule rule) {
        String why = rule.expression().field() + " expression holds";
        switch (rule.status()) {
            case HEALTHY:
                return Health.healthy();
            case DEGRADED:
                return Health.degraded(why);
            default:
                return Health.progressing(why);
        }
    }

    private String subject() {
        return subject(group, kind);
    }

    static String subject(String group, String kind) {
        return group.isEmpty() ? kind : kind + "." + group;
    }

    @Override
    public String toString() {
        return "CelHealthCheck{" + subject() + "}";
    }

    /**
     * Configures a {@link CelHealthCheck}: the kind (by {@link #apiVersion} or {@link #group}, and {@link #kind}) and
     * the expressions; {@code kind} and {@code current} are required.
     *
     * <p>Not thread-safe; the check it builds is immutable and thread-safe.
     */
    public static final class Builder {
        private String group;
        private String kind;
        private String current;
        private String failed;
        private String inProgress;

        private Builder() {
        }

        /**
         * Sets the kind's group from an API version, as Flux's {@code apiVersion} field gives it; only the group
         * counts.
         *
         * @param value e.g. {@code "example.com/v1"}, or {@code "v1"} for the core group
         * @return this builder
         */
        public Builder apiVersion(String value) {
            this.group = ResourceKey.groupOf(requireNonNull(value, "apiVersion is null"));
            return this;
        }

        /**
         * Sets the kind's group (default the core group {@code ""}).
         *
         * @param value e.g. {@code "cert-manager.io"}
         * @return this builder
         */
        public Builder group(String value) {
            this.group = requireNonNull(value, "group is null");
            return this;
        }

        /**
         * Sets the kind (required).
         *
         * @param value e.g. {@code "Certificate"}
         * @return this builder
         */
        public Builder kind(String value) {
            this.kind = requireNonNull(value, "kind is null");
            return this;
        }

        /**
         * Sets the expression that holds when the object is healthy (required).
         *
         * @param expression a CEL expression giving a bool
         * @return this builder
         */
        public Builder current(String expression) {
            this.current = requireNonNull(expression, "current is null");
            return this;
        }

        /**
         * Sets the expression that holds when the object failed (optional).
         *
         * @param expression a CEL expression giving a bool
         * @return this builder
         */
        public Builder failed(String expression) {
            this.failed = requireNonNull(expression, "failed is null");
            return this;
        }

        /**
         * Sets the expression that holds while the object is still progressing (optional); it is evaluated first.
         *
         * @param expression a CEL expression giving a bool
         * @return this builder
         */
        public Builder inProgress(String expression) {
            this.inProgress = requireNonNull(expression, "inProgress is null");
            return this;
        }

        /**
         * Compiles the expressions and builds the check.
         *
         * @return the check
         * @throws IllegalStateException when the kind or the current expression is missing
         * @throws CelExpressionException when an expression does not compile or cannot give a bool; the message
         *                                names the kind, the expression and CEL's error
         */
        public CelHealthCheck build() {
            if (kind == null || kind.isBlank()) {
                throw new IllegalStateException("a CEL health check needs its kind");
            }
            String inGroup = group == null ? "" : group;
            String subject = subject(inGroup, kind);
            if (current == null || current.isBlank()) {
                throw new IllegalStateException("the CEL health check for " + subject + " needs its current "
                        + "expression");
            }
            List<Rule> rules = new ArrayList<>();
            if (inProgress != null) {
                rules.add(new Rule(HealthExpression.compile(subject, "inProgress", inProgress),
                        HealthStatus.PROGRESSING));
            }
            if (failed != null) {
                rules.add(new Rule(HealthExpression.compile(subject, "failed", failed),
                        HealthStatus.DEGRADED));
            }
            rules.add(new Rule(HealthExpression.compile(subject, "current", current),
                    HealthStatus.HEALTHY));
            return new CelHealthCheck(inGroup, kind, rules);
        }
    }
}
