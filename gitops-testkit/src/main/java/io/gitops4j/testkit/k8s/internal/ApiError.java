package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A request failure the server reports as a Kubernetes {@code Status} body with an HTTP code and reason.
 *
 * <p>Factories mirror the messages of the real API server so that clients (fabric8, kubectl) recognise them.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;
    private final transient ObjectNode details;

    private ApiError(int code, String reason, String message, ObjectNode details) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
    }

    /** The HTTP status code. */
    public int code() {
        return code;
    }

    /** The {@code Status} body this error is reported as. */
    public ObjectNode toStatus() {
        ObjectNode status = Json.object();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", getMessage());
        status.put("reason", reason);
        if (details != null) {
            status.set("details", details);
        }
        status.put("code", code);
        return status;
    }

    private static ObjectNode details(String group, String plural, String name) {
        ObjectNode details = Json.object();
        if (!name.isEmpty()) {
            details.put("name", name);
        }
        if (!group.isEmpty()) {
            details.put("group", group);
        }
        details.put("kind", plural);
        return details;
    }

    private static String qualified(String group, String plural) {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** 404: the named object does not exist. */
    public static ApiError notFound(String group, String plural, String name) {
        return new ApiError(404, "NotFound", qualified(group, plural) + " \"" + name + "\" not found",
                details(group, plural, name));
    }

    /** 404: the path names no resource this server serves. */
    public static ApiError noSuchPath(String path) {
        return new ApiError(404, "NotFound", "the server could not find the requested resource (" + path + ")",
                null);
    }

    /** 409: an object with this name already exists. */
    public static ApiError alreadyExists(String group, String plural, String name) {
        return new ApiError(409, "AlreadyExists", qualified(group, plural) + " \"" + name + "\" already exists",
                details(group, plural, name));
    }

    /** 409: the request's resourceVersion or uid precondition does not match the stored object. */
    public static ApiError staleResourceVersion(String group, String plural, String name) {
        return new ApiError(409, "Conflict", "Operation cannot be fulfilled on " + qualified(group, plural)
                + " \"" + name + "\": the object has been modified; please apply your changes to the latest"
                + " version and try again", details(group, plural, name));
    }

    /** 409: server-side apply found fields owned by other managers with other values. */
    public static ApiError applyConflicts(String group, String plural, String name, List<String[]> conflicts) {
        ObjectNode details = details(group, plural, name);
        ArrayNode causes = details.putArray("causes");
        StringBuilder message = new StringBuilder("Apply failed with ").append(conflicts.size())
                .append(conflicts.size() == 1 ? " conflict:" : " conflicts:");
        for (String[] conflict : conflicts) {
            String who = "conflict with \"" + conflict[0] + "\"" + (conflict[2].isEmpty() ? "" : " using "
                    + conflict[2]);
            ObjectNode cause = causes.addObject();
            cause.put("type", "FieldManagerConflict");
            cause.put("message", who);
            cause.put("field", conflict[1]);
            message.append(conflicts.size() == 1 ? " " : "\n").append(who).append(": ").append(conflict[1]);
        }
        return new ApiError(409, "Conflict", message.toString(), details);
    }

    /** 422: the object is invalid; {@code field} and {@code detail} say why. */
    public static ApiError invalid(String kind, String name, String field, String detail) {
        ObjectNode details = Json.object();
        details.put("name", name);
        details.put("kind", kind);
        ObjectNode cause = details.putArray("causes").addObject();
        cause.put("reason", "FieldValueRequired");
        cause.put("message", detail);
        cause.put("field", field);
        return new ApiError(422, "Invalid", kind + " \"" + name + "\" is invalid: " + field + ": " + detail,
                details);
    }

    /**
     * 422: the object is invalid for several field-level reasons, as the real server reports an update of
     * immutable fields: {@code Job.batch "x" is invalid: spec.template: Invalid value: ...: field is immutable}, one
     * cause per field ({@code reason}, {@code field}, {@code message}).
     *
     * @param group the API group
     * @param kind the kind
     * @param name the object's name
     * @param causes each {@code {reason, field, message}}, e.g. {@code {"FieldValueInvalid", "spec.template",
     *     "Invalid value: {...}: field is immutable"}}
     */
    public static ApiError invalidFields(String group, String kind, String name, List<String[]> causes) {
        ObjectNode details = Json.object();
        details.put("name", name);
        if (!group.isEmpty()) {
            details.put("group", group);
        }
        details.put("kind", kind);
        ArrayNode list = details.putArray("causes");
        List<String> texts = new java.util.ArrayList<>();
        for (String[] cause : causes) {
            list.addObject().put("reason", cause[0]).put("message", cause[2]).put("field", cause[1]);
            texts.add(cause[1] + ": " + cause[2]);
        }
        String all = texts.size() == 1 ? texts.get(0) : "[" + String.join(", ", texts) + "]";
        return new ApiError(422, "Invalid", (group.isEmpty() ? kind : kind + "." + group) + " \"" + name
                + "\" is invalid: " + all, details);
    }

    /** 422: the request is well-formed but cannot be applied (for example, a failed JSON patch test). */
    public static ApiError unprocessable(String message) {
        return new ApiError(422, "Invalid", message, null);
    }

    /** 400: the request is malformed. */
    public static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequest", message, null);
    }

    /** 403: the request is refused (for example, creating content in a terminating namespace). */
    public static ApiError forbidden(String message) {
        return new ApiError(403, "Forbidden", message, null);
    }

    /** 405: the verb is not supported on this path. */
    public static ApiError methodNotAllowed(String method) {
        return new ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested"
                + " resource (" + method + ")", null);
    }

    /** 415: the patch content type is not supported. */
    public static ApiError unsupportedMediaType(String contentType) {
        return new ApiError(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                + "accepted media types include: application/json-patch+json, application/merge-patch+json, "
                + "application/apply-patch+yaml, application/strategic-merge-patch+json (got " + contentType
                + ")", null);
    }

    /** 503: the server cannot serve this kind of request (for example, a websocket upgrade). */
    public static ApiError serviceUnavailable(String message) {
        return new ApiError(503, "ServiceUnavailable", message, null);
    }

    /** 500: the server failed unexpectedly; {@code cause} says how. */
    public static ApiError internal(Throwable cause) {
        return new ApiError(500, "InternalError", "internal error: " + cause, null);
    }

    /** 410: the requested resourceVersion is older than the retained history. */
    public static ApiError expired(String message) {
        return new ApiError(410, "Expired", message, null);
    }
}
