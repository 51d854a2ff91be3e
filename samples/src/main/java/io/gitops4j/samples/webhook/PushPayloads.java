package io.gitops4j.samples.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the repository and ref of GitHub push events ({@code repository.clone_url}, {@code html_url},
 * {@code ssh_url}, {@code ref}) and GitLab push hooks ({@code project.git_http_url}, {@code web_url},
 * {@code git_ssh_url}, {@code ref}). Stateless and thread-safe.
 */
public final class PushPayloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PushPayloads() {
    }

    /**
     * Reads a GitHub {@code push} event.
     *
     * @param body the request body
     * @return the push
     * @throws IllegalArgumentException when the body is not a push payload
     */
    public static PushEvent github(byte[] body) {
        JsonNode root = parse(body);
        return event("github", root, root.path("repository"), "clone_url", "html_url", "ssh_url");
    }

    /**
     * Reads a GitLab {@code Push Hook}.
     *
     * @param body the request body
     * @return the push
     * @throws IllegalArgumentException when the body is not a push payload
     */
    public static PushEvent gitlab(byte[] body) {
        JsonNode root = parse(body);
        return event("gitlab", root, root.path("project"), "git_http_url", "web_url", "git_ssh_url");
    }

    private static PushEvent event(String provider, JsonNode root, JsonNode repository, String... urlFields) {
        List<String> urls = new ArrayList<>();
        for (String field : urlFields) {
            String url = repository.path(field).asText("");
            if (!url.isEmpty()) {
                urls.add(url);
            }
        }
        String ref = root.path("ref").asText("");
        if (urls.isEmpty() || ref.isEmpty()) {
            throw new IllegalArgumentException("not a " + provider + " push payload: it names no repository URL or"
                    + " no ref");
        }
        return new PushEvent(provider, urls, ref);
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("the payload is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException("the payload is not JSON", e);
        }
    }
}
