package io.gitops4j.git;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileErrorsTest {

    @Test
    void aCacheFolderThatIsAFileIsASourceExceptionNamingIt(@TempDir Path folder) throws Exception {
        // given a regular file where the cache folder should be
        Path file = Files.writeString(folder.resolve("cache"), "not a folder");

        // when / then
        assertThatThrownBy(() -> RepositoryCache.open(file))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("cannot create the repository cache folder " + file);
    }

    @Test
    void aPublicKeyFileThatCannotBeReadIsASourceExceptionNamingIt(@TempDir Path folder) {
        // given a folder given as a key file
        assertThatThrownBy(() -> SignaturePolicy.requireSignedByKeyFiles(List.of(folder)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("cannot read public key file " + folder);
    }

    @Test
    void aKeyringThatCannotBeReadIsASourceExceptionNamingIt(@TempDir Path folder) {
        Path missing = folder.resolve("keyring.gpg");

        assertThatThrownBy(() -> SignaturePolicy.requireSignedBy(List.of("ABCD"), missing))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("cannot read keyring " + missing);
    }
}
