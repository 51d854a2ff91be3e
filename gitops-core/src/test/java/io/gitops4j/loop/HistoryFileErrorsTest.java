package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.GitOpsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileErrorsTest {

    @Test
    void aHistoryFileThatCannotBeReadIsAHistoryExceptionNamingIt(@TempDir Path folder) throws Exception {
        // given a path that exists but is a folder, which no one can read as lines
        Path notAFile = Files.createDirectory(folder.resolve("history.jsonl"));

        // when / then
        assertThatThrownBy(() -> HistoryFile.read(notAFile))
                .isInstanceOf(HistoryException.class)
                .isInstanceOf(GitOpsException.class)
                .hasMessageContaining("cannot read the history file " + notAFile);
    }
}
