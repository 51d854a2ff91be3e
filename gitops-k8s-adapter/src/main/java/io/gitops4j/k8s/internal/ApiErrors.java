package io.gitops4j.k8s.internal;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.ConflictException;
import io.gitops4j.ImmutableFieldException;
import io.gitops4j.TargetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates fabric8's {@link KubernetesClientException} into the project's exceptions at the edge: a
 * server-side apply field-manager conflict becomes a {@link ConflictException} naming the other manager, a 422 whose
 * causes say a field is immutable an {@link ImmutableFieldException} naming the fields, every other failure a
 * {@link TargetException} carrying the API server's status message (never a request body).
 */
public final class ApiErrors {
    private static final String FIELD_MANAGER_CONFLICT = "FieldManagerConflict";
    private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]*)\"");
    private static final List<String> IMMUTABLE = List.of("immutable", "may not change once set",
            "updates to statefulset spec for fields other than");
    private static final Pattern INVALID_VALUE = Pattern.compile("^Invalid value: .*: ", Pattern.DOTALL);
    private static final Pattern MESSAGE_CONFLICT = Pattern.compile(
            "conflict with \"([^\"]*)\"(?: with subresource \"[^\"]*\")?(?: using [^:\\s]+)?: (\\S+)");

    private ApiErrors() {
    }

    /**
     * Returns the API server's status message of a failure, or the client's own message when there is no status.
     *
     * @param e the failure
     * @return a one-line message
     */
    public static String statusMessage(KubernetesClientException e) {
        Status status = e.getStatus();
        if (status != null && status.getMessage() != null && !status.getMessage().isEmpty()) {
            return status.getMessage();
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        if (e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getClass().getSimpleName();
    }

    /**
     * Translates a failed operation on one resource.
     *
     * @param e the failure
     * @param key the resource
     * @param action what was attempted, e.g. {@code "server-side apply"}
     * @return a {@link ConflictException} for field-manager conflicts, an {@link ImmutableFieldException} for changes
     *     of immutable fields, else a {@link TargetException}
     */
    public static TargetException translate(KubernetesClientException e, ResourceKey key, String action) {
        if (e.getCode() == 422) {
            Optional<ImmutableFieldException> immutable = immutable(e, key, action);
            if (immutable.isPresent()) {
                return immutable.get();
            }
        }
        if (e.getCode() == 409 && hasConflictCauses(e.getStatus())) {
            return conflict(e, key);
        }
        if (e.getCode() == 409 && statusMessage(e).startsWith("Apply failed with")) {
            return conflictFromMessage(statusMessage(e), key);
        }
        String code = e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "";
        Optional<String> namespace = missingNamespace(e);
        String advice = namespace.map(name -> "; namespace " + name + " does not exist: declare it in the source"
                + " (it is applied first) or create it").orElseGet(() -> advice(e.getCode()));
        return new TargetException(key, action + " failed (" + code + statusMessage(e) + ")" + advice, e);
    }

    /** The namespace a 404 says is missing, when its status details name one. */
    private static Optional<String> missingNamespace(KubernetesClientException e) {
        Status status = e.getStatus();
        if (e.getCode() != 404 || status == null || status.getDetails() == null) {
            return Optional.empty();
        }
        String kind = status.getDetails().getKind();
        String name = status.getDetails().getName();
        return "namespaces".equals(kind) && name != null && !name.isEmpty() ? Optional.of(name) : Optional.empty();
    }

    private static String advice(int code) {
        switch (code) {
            case 401:
            case 403:
                return "; check the credentials and RBAC permissions of the client";
            case 404:
                return "; check that the apiVersion is served by the cluster";
            case 422:
                return "; fix the manifest";
            case 0:
                return "; check that the API server is reachable";
            default:
                return "";
        }
    }

    /**
     * The immutable fields a 422 names in its causes; the detail keeps each cause's reason without the rejected value
     * (which may be large, or sensitive).
     */
    private static Optional<ImmutableFieldException> immutable(KubernetesClientException e, ResourceKey key,
            String action) {
        Status status = e.getStatus();
        if (status == null || status.getDetails() == null || status.getDetails().getCauses() == null) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (StatusCause cause : status.getDetails().getCauses()) {
            String message = String.valueOf(cause.getMessage());
            if (cause.getField() != null && IMMUTABLE.stream().anyMatch(message::contains)) {
                fields.add(cause.getField());
                reasons.add(INVALID_VALUE.matcher(message).replaceFirst(""));
            }
        }
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ImmutableFieldException(key, fields, action + " refused by the API server (HTTP 422: "
                + String.join("; ", reasons) + ")", e));
    }

    private static boolean hasConflictCauses(Status status) {
        return status != null && status.getDetails() != null && status.getDetails().getCauses() != null
                && status.getDetails().getCauses().stream().anyMatch(c -> FIELD_MANAGER_CONFLICT.equals(c.getReason()));
    }

    private static ConflictException conflict(KubernetesClientException e, ResourceKey key) {
        Set<String> managers = new LinkedHashSet<>();
        List<String> fields = new ArrayList<>();
        for (StatusCause cause : e.getStatus().getDetails().getCauses()) {
            if (!FIELD_MANAGER_CONFLICT.equals(cause.getReason())) {
                continue;
            }
            Matcher matcher = MANAGER.matcher(String.valueOf(cause.getMessage()));
            if (matcher.find()) {
                managers.add(matcher.group(1));
            }
            if (cause.getField() != null) {
                fields.add(cause.getField());
            }
        }
        return conflict(key, managers, fields);
    }

    /** Reads the conflicts from the status message, for servers that send no structured causes. */
    private static ConflictException conflictFromMessage(String message, ResourceKey key) {
        Set<String> managers = new LinkedHashSet<>();
        List<String> fields = new ArrayList<>();
        Matcher matcher = MESSAGE_CONFLICT.matcher(message);
        while (matcher.find()) {
            managers.add(matcher.group(1));
            fields.add(matcher.group(2));
        }
        return conflict(key, managers, fields);
    }

    private static ConflictException conflict(ResourceKey key, Set<String> managers, List<String> fields) {
        String owner = managers.isEmpty() ? "unknown" : managers.iterator().next();
        String message = "server-side apply conflicts with field manager" + (managers.size() > 1 ? "s " : " ")
                + String.join(", ", managers) + " on " + String.join(", ", fields)
                + "; remove the fields from the manifest, let the other manager release them,"
                + " or apply with force to take them over";
        return new ConflictException(key, owner, fields, message);
    }
}
