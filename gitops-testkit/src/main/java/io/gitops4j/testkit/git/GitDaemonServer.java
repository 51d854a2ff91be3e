package io.gitops4j.testkit.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code git daemon} process serving every repository under one base folder read-only on a free 127.0.0.1
 * port; the constructor returns once the daemon accepts connections (a bounded poll of socket connects).
 */
final class GitDaemonServer implements GitServer {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;
    private final String name;

    GitDaemonServer(Path basePath, String name) {
        this.name = name;
        this.port = freePort();
        List<String> command = List.of("git", "daemon", "--reuseaddr", "--base-path=" + basePath, "--export-all",
                "--listen=127.0.0.1", "--port=" + port, basePath.toString());
        try {
            this.process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start git daemon", e);
        }
        awaitAccepting();
    }

    @Override
    public String uri() {
        return "git://127.0.0.1:" + port + "/" + name;
    }

    @Override
    public int fetchCount() {
        return -1;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitAccepting() {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("git daemon exited with status " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        close();
        throw new IllegalStateException("git daemon did not accept connections on 127.0.0.1:" + port
                + " within " + STARTUP_LIMIT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        }
    }
}
