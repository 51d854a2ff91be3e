package io.gitops4j.samples.cli;

import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context of a client that only speaks plain HTTP to one server: making it loads nothing of JSSE, and any use
 * for a TLS connection fails with an {@link IllegalStateException} that names the server and says why. Immutable.
 */
final class PlainHttpOnlyTls extends SSLContextSpi {
    /** The name of this context's provider, to tell it apart. */
    static final String PROVIDER = "gitops4j-plain-http";

    private final String server;

    private PlainHttpOnlyTls(String server) {
        this.server = server;
    }

    /**
     * Returns a context for the clients of a plain {@code http://} server.
     *
     * @param server the server's URL, for the message
     * @return the context
     */
    static SSLContext context(String server) {
        Provider provider = new Provider(PROVIDER, "1", "no TLS: plain http only") {
            private static final long serialVersionUID = 1L;
        };
        return new SSLContext(new PlainHttpOnlyTls(server), provider, "none") {
        };
    }

    private IllegalStateException refused(String what) {
        return new IllegalStateException("the Kubernetes client was built for the plain http:// server " + server
                + " and cannot open a TLS connection (" + what + "); use a kubeconfig whose server is https:// "
                + "to reach an https:// address");
    }

    @Override
    protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random) {
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        throw refused("socket");
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        throw refused("server socket");
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        throw refused("engine");
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        throw refused(host + ":" + port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        throw refused("server sessions");
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        throw refused("client sessions");
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        return new SSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        return new SSLParameters();
    }
}
