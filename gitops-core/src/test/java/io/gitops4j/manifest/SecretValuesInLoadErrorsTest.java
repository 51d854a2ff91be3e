package io.gitops4j.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gitops4j.ManifestException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A manifest that fails to parse must not carry the values of its lines in the error or in any of its causes. */
class SecretValuesInLoadErrorsTest {
    private static final String VALUE = "S3cr3t-hunter2-horse";
    private final ManifestLoader loader = ManifestLoader.defaults();

    @Test
    void aSecretWithAMalformedLineKeepsItsValueOutOfTheWholeCauseChain() {
        // given a Secret whose stringData line is broken (an unclosed quote, then a mapping on the same line)
        String yaml = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: \"" + VALUE
                + "\" extra: x\n";

        // when it is parsed
        ManifestException error = parseFails("secret.yaml", yaml);

        // then the error names the file and line, and no message of the chain quotes the value
        assertThat(error.path()).isEqualTo("secret.yaml");
        assertThat(error.line()).isEqualTo(6);
        assertThat(error.getCause()).isInstanceOf(ParserFailure.class).hasMessageContaining("line 6");
        assertThat(stackTrace(error)).doesNotContain(VALUE, "S3cr3t");
    }

    @Test
    void aJsonSecretWithAnUnquotedValueKeepsTheTokenOutOfTheMessageAndTheCause() {
        // given a JSON Secret whose value is not quoted
        String json = "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"db\"},\n"
                + " \"stringData\": {\"password\": " + VALUE + "}}";

        // when it is parsed
        ManifestException error = parseFails("secret.json", json);

        // then the message says what is wrong at which line, without the token
        assertThat(error).hasMessageContaining("secret.json").hasMessageContaining("Unrecognized token");
        assertThat(error.line()).isEqualTo(2);
        assertThat(stackTrace(error)).doesNotContain(VALUE, "S3cr3t");
    }

    @Test
    void aControlCharacterInASecretValueKeepsTheValueOutOfTheCause() {
        // given a Secret whose value holds a NUL byte
        String yaml = "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData:\n  password: " + VALUE
                + "\u0000x\n";

        // when it is parsed
        ManifestException error = parseFails("secret.yaml", yaml);

        // then
        assertThat(error).hasMessageContaining("U+0000");
        assertThat(stackTrace(error)).doesNotContain(VALUE, "S3cr3t");
    }

    private ManifestException parseFails(String path, String content) {
        ManifestException error = catchThrowableOfType(ManifestException.class,
                () -> loader.parse(path, content.getBytes(UTF_8)));
        assertThat(error).as("a ManifestException").isNotNull();
        return error;
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
