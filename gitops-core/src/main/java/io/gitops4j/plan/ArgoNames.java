package io.gitops4j.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Looks up the constant an annotation value names, trimmed and in any case. Stateless. */
final class ArgoNames {

    private ArgoNames() {
    }

    static <T> Optional<T> find(T[] constants, Function<T, String> name, String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (T constant : constants) {
            if (name.apply(constant).toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
