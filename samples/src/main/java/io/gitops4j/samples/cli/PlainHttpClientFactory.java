package io.gitops4j.samples.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.http.TlsVersion;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.HttpClientUtils;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * The JDK HTTP client factory for one plain {@code http://} API server: its clients are configured as fabric8
 * configures any client (timeouts, retries, interceptors, proxy), except that no TLS context is made, since they never
 * speak TLS. fabric8 makes one for every client (JSSE's providers, cipher suites and a seeded random, about a tenth of
 * a second of a command-line run's start), and the JDK client, given none, would load the default one. Should a client
 * of this factory ever be sent to an {@code https://} address (a redirect), the request fails with
 * {@link PlainHttpOnlyTls}'s message naming the server. Thread-safe and stateless beyond the server's address.
 */
final class PlainHttpClientFactory extends JdkHttpClientFactory {
    private final String server;

    /**
     * Creates the factory for a server.
     *
     * @param server the server's {@code http://} URL
     * @throws IllegalArgumentException when the URL is not {@code http://}
     */
    PlainHttpClientFactory(String server) {
        if (!plainHttp(server)) {
            throw new IllegalArgumentException("not a plain http:// server: " + server);
        }
        this.server = server;
    }

    /**
     * Tells whether a server URL is plain {@code http://}.
     *
     * @param server the URL, or {@code null}
     * @return {@code true} for {@code http://...}
     */
    static boolean plainHttp(String server) {
        return server != null && server.regionMatches(true, 0, "http://", 0, 7);
    }

    @Override
    public HttpClient.Builder newBuilder(Config config) {
        if (!plainHttp(config.getMasterUrl())) {
            return super.newBuilder(config);
        }
        HttpClient.Builder builder = newBuilder();
        HttpClientUtils.applyCommonConfiguration(config, new WithoutTls(builder), this);
        return builder;
    }

    @Override
    protected void additionalConfig(java.net.http.HttpClient.Builder builder) {
        super.additionalConfig(builder);
        builder.sslContext(PlainHttpOnlyTls.context(server));
    }

    /** Passes fabric8's common configuration on to a builder, all but the TLS context it would make. */
    private static final class WithoutTls implements HttpClient.Builder {
        private final HttpClient.Builder builder;

        WithoutTls(HttpClient.Builder builder) {
            this.builder = Objects.requireNonNull(builder, "builder is null");
        }

        @Override
        public HttpClient build() {
            return builder.build();
        }

        @Override
        public HttpClient.Builder connectTimeout(long connectTimeout, TimeUnit unit) {
            builder.connectTimeout(connectTimeout, unit);
            return this;
        }

        @Override
        public HttpClient.Builder addOrReplaceInterceptor(String name, Interceptor interceptor) {
            builder.addOrReplaceInterceptor(name, interceptor);
            return this;
        }

        @Override
        public HttpClient.Builder authenticatorNone() {
            builder.authenticatorNone();
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(KeyManager[] keyManagers, TrustManager[] trustManagers) {
            return this;
        }

        @Override
        public HttpClient.Builder followAllRedirects() {
            builder.followAllRedirects();
            return this;
        }

        @Override
        public HttpClient.Builder proxyAddress(InetSocketAddress proxyAddress) {
            builder.proxyAddress(proxyAddress);
            return this;
        }

        @Override
        public HttpClient.Builder proxyAuthorization(String credentials) {
            builder.proxyAuthorization(credentials);
            return this;
        }

        @Override
        public HttpClient.Builder tlsVersions(TlsVersion... tlsVersions) {
            builder.tlsVersions(tlsVersions);
            return this;
        }

        @Override
        public HttpClient.Builder tlsServerName(String serverName) {
            builder.tlsServerName(serverName);
            return this;
        }

        @Override
        public HttpClient.Builder preferHttp11() {
            builder.preferHttp11();
            return this;
        }

        @Override
        public HttpClient.Builder proxyType(HttpClient.ProxyType type) {
            builder.proxyType(type);
            return this;
        }

        @Override
        public HttpClient.DerivedClientBuilder tag(Object value) {
            builder.tag(value);
            return this;
        }
    }
}
