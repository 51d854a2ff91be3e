package io.gitops4j.testkit.k8s.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header of {@link ApiHttpServer}'s responses, in the JDK HTTP server's format
 * ({@code Thu, 03 Dec 2026 13:45:00 GMT}), formatted once a second rather than once a response; and the reason
 * phrases of the status codes the API answers with. Thread-safe.
 */
final class HttpDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz",
            Locale.US).withZone(ZoneId.of("GMT"));

    private final Clock clock;
    private volatile Formatted last;

    /* One second and its text. */
    private record Formatted(long second, String text) {
    }

    HttpDates(Clock clock) {
        this.clock = clock;
    }

    /** The current time as a {@code Date} header value. */
    String now() {
        long second = clock.instant().getEpochSecond();
        Formatted formatted = last;
        if (formatted == null || formatted.second() != second) {
            formatted = new Formatted(second, FORMAT.format(Instant.ofEpochSecond(second)));
            last = formatted;
        }
        return formatted.text();
    }

    /** The reason phrase of a status code, as the JDK server sends it ("" for codes it has none for). */
    static String reason(int code) {
        switch (code) {
            case 100:
                return "Continue";
            case 200:
                return "OK";
            case 201:
                return "Created";
            case 202:
                return "Accepted";
            case 204:
                return "No Content";
            case 304:
                return "Not Modified";
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 406:
                return "Not Acceptable";
            case 409:
                return "Conflict";
            case 410:
                return "Gone";
            case 413:
                return "Request Entity Too Large";
            case 415:
                return "Unsupported Media Type";
            case 422:
                return "Unprocessable Entity";
            case 429:
                return "Too Many Requests";
            case 500:
                return "Internal Server Error";
            case 501:
                return "Not Implemented";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return "";
        }
    }
}
