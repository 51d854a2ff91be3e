package io.gitops4j.git;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.SourceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A Git server that accepts connections and never answers: the source's network timeout holds on every transport. */
class GitSourceAgainstSilentServerTest {
    @TempDir
    Path cache;

    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSilentServer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (!silent.isClosed()) {
                    accepted.add(silent.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-git-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopSilentServer() throws IOException {
        silent.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aGitDaemonThatNeverAnswersFailsWithinTheTimeoutNamingTheUrl() {
        assertLoadFailsNamingTheUrl("git");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anHttpServerThatNeverAnswersFailsWithinTheTimeoutNamingTheUrl() {
        assertLoadFailsNamingTheUrl("http");
    }

    private void assertLoadFailsNamingTheUrl(String scheme) {
        String url = scheme + "://127.0.0.1:" + silent.getLocalPort() + "/repo.git";

        try (GitSource source = GitSource.builder().uri(url).cacheDirectory(cache).timeout(Duration.ofSeconds(2))
                .build()) {
            assertThatThrownBy(source::load).isInstanceOf(SourceException.class).hasMessageContaining(url);
        }
    }
}
