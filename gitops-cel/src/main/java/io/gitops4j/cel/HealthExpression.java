package io.gitops4j.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One compiled health expression ({@code current}, {@code failed} or {@code inProgress}) of a {@link CelHealthCheck}.
 *
 * <p>As in Flux, the expression reads the object's top-level fields by name ({@code status.conditions...}); it may
 * also read the whole object as {@code self}. Flux only parses its expressions, since a custom resource may have
 * any top-level fields; here every name the expression reads is declared as {@code dyn} and the expression is then
 * type-checked, so an unknown function or a result that cannot be a boolean is refused when the check is built,
 * not when an object is assessed. The environment is CEL's standard one with the optional-value syntax
 * ({@code status.?conditions.orValue([])}), the strings extension, and comparisons across int and double, as
 * Flux configures it. Immutable and thread-safe.
 */
final class HealthExpression {
    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

    private final String field;
    private final String text;
    private final CelRuntime.Program program;
    private final Set<String> names;

    private HealthExpression(String field, String text, CelRuntime.Program program, Set<String> names) {
        this.field = field;
        this.text = text;
        this.program = program;
        this.names = Set.copyOf(names);
    }

    /**
     * Compiles an expression.
     *
     * @param field which expression it is, e.g. {@code current}
     * @throws CelExpressionException naming what the caller passes as {@code subject}, the field and CEL's error
     */
    static HealthExpression compile(String subject, String field, String text) {
        try {
            CelValidationResult parsed = base().build().parse(text);
            if (parsed.hasError()) {
                throw new CelExpressionException(subject, field, text, parsed.getErrorString());
            }
            CelBuilder checker = base().addVar("self", SimpleType.DYN);
            Set<String> names = readNames(parsed.getAst());
            names.forEach(name -> checker.addVar(name, SimpleType.DYN));
            Cel cel = checker.build();
            CelValidationResult checked = cel.check(parsed.getAst());
            if (checked.hasError()) {
                throw new CelExpressionException(subject, field, text, checked.getErrorString());
            }
            CelAbstractSyntaxTree ast = checked.getAst();
            CelKind kind = ast.getResultType().kind();
            if (kind != CelKind.BOOL && kind != CelKind.DYN) {
                throw new CelExpressionException(subject, field, text, "it gives " + ast.getResultType().name()
                        + ", not a bool");
            }
            return new HealthExpression(field, text, cel.createProgram(ast), names);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new CelExpressionException(subject, field, text, e.getMessage());
        }
    }

    private static CelBuilder base() {
        return CelFactory.standardCelBuilder().setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelOptionalLibrary.INSTANCE, CelExtensions.strings())
                .addRuntimeLibraries(CelOptionalLibrary.INSTANCE, CelExtensions.strings());
    }

    /* The free names an expression reads (macro variables included, which is harmless: they shadow). */
    private static Set<String> readNames(CelAbstractSyntaxTree ast) {
        return CelNavigableAst.fromAst(ast).getRoot().allNodes()
                .filter(node -> node.getKind() == CelExpr.ExprKind.Kind.IDENT)
                .map(node -> node.expr().ident().name()).collect(Collectors.toCollection(TreeSet::new));
    }

    String field() {
        return field;
    }

    String text() {
        return text;
    }

    /**
     * Evaluates the expression over an object's top-level fields and {@code self}; a top-level field the
     * expression reads and the object lacks reads as an empty map, so {@code has(status.conditions)} is false on an
     * object without a status (in Flux it is an error).
     *
     * @return the result
     * @throws EvaluationFailure when it fails or gives no boolean; the message says why
     */
    boolean evaluate(Map<String, Object> variables) {
        Map<String, Object> activation = variables;
        if (!variables.keySet().containsAll(names)) {
            activation = new HashMap<>(variables);
            for (String name : names) {
                activation.putIfAbsent(name, Map.of());
            }
        }
        Object value;
        try {
            value = program.eval(activation);
        } catch (CelEvaluationException | RuntimeException e) {
            throw new EvaluationFailure(e.getMessage());
        }
        if (value instanceof Boolean result) {
            return result;
        }
        if (value instanceof CelUnknownSet) {
            throw new EvaluationFailure("it reads a top-level field the object does not have; guard it with has()");
        }
        throw new EvaluationFailure("it gave " + (value == null ? "null" : value.getClass().getSimpleName())
                + ", not a bool");
    }

    /** An expression that could not be evaluated on one object: health data, never an error of the engine. */
    static final class EvaluationFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EvaluationFailure(String message) {
            super(message, null, false, false);
        }
    }
}
