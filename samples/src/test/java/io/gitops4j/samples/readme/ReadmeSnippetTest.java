package io.gitops4j.samples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the complete test printed in both READMEs identical to {@link ShopDeploymentTest}, which runs. */
class ReadmeSnippetTest {

    @Test
    void readmeShowsTheTestThatRuns() throws IOException {
        // given
        String source = Files.readString(Path.of("src/test/java/io/gitops4j/samples/readme/ShopDeploymentTest.java"));
        String readme = Files.readString(Path.of("README.md"));
        String projectReadme = Files.readString(Path.of("../README.md"));

        // when
        String body = source.substring(source.indexOf("class ShopDeploymentTest {"));

        // then
        assertThat(readme).contains("## Testing your integration").contains(body.strip());
        assertThat(projectReadme).contains("## Testing your integration").contains(body.strip());
    }
}
