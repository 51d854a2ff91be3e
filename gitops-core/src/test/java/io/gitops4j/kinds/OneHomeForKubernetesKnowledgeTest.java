package io.gitops4j.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the main sources of every module and checks that annotation keys and group/kind lists are spelled, and
 * label selectors parsed, only in this package, so no class keeps its own copy that can drift.
 */
class OneHomeForKubernetesKnowledgeTest {
    private static final Pattern ANNOTATION_KEY = Pattern.compile(
            "\"(gitops4j\\.io|kustomize\\.toolkit\\.fluxcd\\.io|argocd\\.argoproj\\.io|kubectl\\.kubernetes\\.io"
                    + "|deployment\\.kubernetes\\.io)/[^\"]*\"");
    private static final String HOME = "io/gitops4j/kinds/".replace('/', java.io.File.separatorChar);

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("gitops-core"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root above the working directory").isNotNull();
        return dir;
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(projectRoot())) {
            for (Path module : modules.toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains(HOME))
                                .forEach(sources::add);
                    }
                }
            }
        }
        return sources;
    }

    /** Returns the code of a source file without comments, so Javadoc may name annotations. */
    private static String code(Path file) throws IOException {
        String text = Files.readString(file);
        return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    @Test
    void annotationAndLabelKeysAreSpelledOnlyInWellKnownMetadata() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : mainSources()) {
            Matcher matcher = ANNOTATION_KEY.matcher(code(file));
            while (matcher.find()) {
                found.add(file.getFileName() + ": " + matcher.group());
            }
        }
        assertThat(found).as("annotation keys outside io.gitops4j.kinds.WellKnownMetadata").isEmpty();
    }

    @Test
    void noClassListsBuiltinKindsAsGroupSlashKind() throws IOException {
        List<String> literals = new ArrayList<>();
        BuiltinKinds.all().forEach(info -> literals.add("\"" + info.group() + "/" + info.kind() + "\""));
        List<String> found = new ArrayList<>();
        for (Path file : mainSources()) {
            String code = code(file);
            literals.stream().filter(code::contains).forEach(literal -> found.add(file.getFileName() + ": " + literal));
        }
        assertThat(found).as("group/kind lists outside io.gitops4j.kinds.BuiltinKinds").isEmpty();
    }

    @Test
    void labelSelectorsAreParsedOnlyByLabelSelector() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : mainSources()) {
            if (code(file).contains("notin")) {
                found.add(file.getFileName().toString());
            }
        }
        assertThat(found).as("label selector parsers outside io.gitops4j.kinds.LabelSelector").isEmpty();
    }
}
