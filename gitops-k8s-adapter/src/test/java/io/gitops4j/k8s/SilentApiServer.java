package io.gitops4j.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An "API server" on 127.0.0.1 that accepts every connection and never answers a byte: the worst case for client
 * timeouts. Closing it closes the listening socket and every accepted connection.
 */
final class SilentApiServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private SilentApiServer(ServerSocket socket) {
        this.socket = socket;
    }

    /** Starts accepting on an ephemeral loopback port, on a daemon thread. */
    static SilentApiServer start() throws IOException {
        SilentApiServer server = new SilentApiServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(server::acceptForever, "silent-api-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private void acceptForever() {
        try {
            while (!socket.isClosed()) {
                accepted.add(socket.accept());
            }
        } catch (IOException closed) {
            // the server was closed: nothing more to accept
        }
    }

    /** Returns how many connections clients opened so far. */
    int connections() {
        return accepted.size();
    }

    /** Writes a kubeconfig for this server (plain HTTP, no credentials, namespace {@code default}) into a folder. */
    Path kubeconfigIn(Path folder) {
        String server = "http://127.0.0.1:" + socket.getLocalPort();
        String config = String.join("\n", "apiVersion: v1", "kind: Config",
                "clusters: [{name: silent, cluster: {server: \"" + server + "\"}}]",
                "contexts: [{name: silent, context: {cluster: silent, user: nobody, namespace: default}}]",
                "current-context: silent", "users: [{name: nobody, user: {}}]", "");
        try {
            return Files.writeString(folder.resolve("silent-kubeconfig"), config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kubeconfig of the silent server into " + folder, e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : accepted) {
            connection.close();
        }
    }
}
