package io.gitops4j.samples.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook came from the Git host: GitHub's {@code X-Hub-Signature-256} ({@code sha256=} and the
 * hex HMAC SHA-256 of the body under the shared secret) and GitLab's {@code X-Gitlab-Token} (the secret token
 * itself). Both comparisons take the same time whatever the first differing byte. Immutable and thread-safe;
 * never renders the secrets.
 */
final class WebhookAuth {
    private static final String PREFIX = "sha256=";

    private final byte[] githubSecret;
    private final byte[] gitlabToken;

    WebhookAuth(String githubSecret, String gitlabToken) {
        this.githubSecret = githubSecret == null ? null : githubSecret.getBytes(StandardCharsets.UTF_8);
        this.gitlabToken = gitlabToken == null ? null : gitlabToken.getBytes(StandardCharsets.UTF_8);
    }

    /** Tells whether a GitHub delivery is signed with the secret; {@code false} when no secret is configured. */
    boolean githubSigned(byte[] body, String signatureHeader) {
        if (githubSecret == null || signatureHeader == null || !signatureHeader.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmacSha256(githubSecret, body))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.substring(PREFIX.length()).toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** Tells whether a GitLab delivery carries the token; {@code false} when no token is configured. */
    boolean gitlabTokenMatches(String tokenHeader) {
        if (gitlabToken == null || tokenHeader == null) {
            return false;
        }
        return MessageDigest.isEqual(gitlabToken, tokenHeader.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmacSha256(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookAuth{github=" + (githubSecret != null) + ", gitlab=" + (gitlabToken != null) + "}";
    }
}
