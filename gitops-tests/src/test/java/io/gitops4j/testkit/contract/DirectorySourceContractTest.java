package io.gitops4j.testkit.contract;

import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.source.DirectorySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

class DirectorySourceContractTest extends DesiredStateSourceContract {
    @TempDir
    Path dir;

    @Override
    protected DesiredStateSource sourceOf(Map<String, String> files) throws IOException {
        write(files);
        return DirectorySource.of(dir);
    }

    @Override
    protected void replaceContent(Map<String, String> files) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir)) {
                    Files.delete(path);
                }
            }
        }
        write(files);
    }

    private void write(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }
}
