package io.gitops4j.git;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.BasePackFetchConnection;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PackTransport;
import org.eclipse.jgit.transport.PushConnection;
import org.eclipse.jgit.transport.TcpTransport;
import org.eclipse.jgit.transport.URIish;

/**
 * Fetches over the anonymous {@code git://} protocol with the transport's timeout on the socket itself.
 *
 * <p>JGit's own {@code git://} transport bounds a connection's reads only by interrupting the reading thread, and a
 * read from a {@link Socket} is not interruptible: against a daemon that accepts and never answers, a fetch blocks
 * forever. This transport sets the timeout as the socket's read timeout ({@link Socket#setSoTimeout}), so every
 * read ends within it, as reads over HTTP and SSH do. It speaks protocol v0 (the daemon's advertisement), which
 * every daemon serves. Fetch only; not thread-safe, one per fetch.
 */
final class GitDaemonTransport extends TcpTransport implements PackTransport {
    private static final int GIT_PORT = 9418;

    GitDaemonTransport(Repository local, URIish uri) {
        super(local, uri);
    }

    /** Tells whether a URL names the anonymous {@code git://} protocol. */
    static boolean handles(String url) {
        return url.regionMatches(true, 0, "git://", 0, "git://".length());
    }

    @Override
    public FetchConnection openFetch() throws TransportException {
        return new Connection();
    }

    @Override
    public PushConnection openPush() throws NotSupportedException {
        throw new NotSupportedException("pushing over git:// is not supported: " + uri);
    }

    @Override
    public void close() {
        // every connection owns and closes its socket
    }

    private Socket connect() throws TransportException {
        int millis = getTimeout() > 0 ? getTimeout() * 1000 : 0;
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : GIT_PORT),
                    millis);
            socket.setSoTimeout(millis);
            return socket;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connection failed anyway
            }
            throw new TransportException(uri, "cannot connect: " + e.getMessage(), e);
        }
    }

    /** One upload-pack conversation on one socket. */
    private final class Connection extends BasePackFetchConnection {
        private final Socket socket;

        Connection() throws TransportException {
            super(GitDaemonTransport.this);
            socket = connect();
            try {
                init(new BufferedInputStream(socket.getInputStream()),
                        new BufferedOutputStream(socket.getOutputStream()));
                String host = uri.getHost() + (uri.getPort() > 0 && uri.getPort() != GIT_PORT ? ":" + uri.getPort()
                        : "");
                pckOut.writeString("git-upload-pack " + uri.getPath() + '\0' + "host=" + host + '\0');
                pckOut.flush();
            } catch (IOException e) {
                close();
                throw new TransportException(uri, "the remote end hung up unexpectedly: " + e.getMessage(), e);
            }
            try {
                readAdvertisedRefs();
            } catch (TransportException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            super.close();
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
