package io.gitops4j.testkit;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 that forwards requests to one upstream server (such as the
 * {@code EmbeddedKubernetesApi} or a smart-HTTP Git server) and, at set probabilities, answers with a fault instead:
 * HTTP 500, 503, 429 with a {@code Retry-After}, a connection reset, or a stall (no answer) for a set time. It can
 * also cut every forwarded response after a number of bytes, as a server that vanishes mid-transfer does. Faults are
 * on from the start; {@link #faultsOff()} and {@link #faultsOn()} switch them all.
 *
 * <pre>{@code
 * try (FaultInjectingProxy proxy = FaultInjectingProxy.builder(api.url())
 *         .probability(Fault.UNAVAILABLE_503, 0.2).probability(Fault.RESET, 0.05)
 *         .retryAfter(Duration.ofSeconds(1)).stall(Duration.ofSeconds(3)).seed(42).build().start()) {
 *     // point the client at proxy.url(); proxy.faultsOff() to let everything through again
 * }
 * }</pre>
 *
 * <p>Each connection carries one request: the proxy asks the upstream to close after answering and says so to the
 * client, so every request gets its own draw. Faults are drawn from one seeded {@link Random}, so a single-threaded
 * client sees the same sequence for the same seed. Thread-safe; {@link #close()} stops every connection.
 */
public final class FaultInjectingProxy implements AutoCloseable {
    /** The faults the proxy can answer with instead of forwarding. */
    public enum Fault {
        /** {@code 500 Internal Server Error} with a Kubernetes {@code Status} body. */
        ERROR_500(500, "Internal Server Error", "InternalError"),
        /** {@code 503 Service Unavailable} with a Kubernetes {@code Status} body. */
        UNAVAILABLE_503(503, "Service Unavailable", "ServiceUnavailable"),
        /** {@code 429 Too Many Requests} with a {@code Retry-After} header. */
        TOO_MANY_REQUESTS_429(429, "Too Many Requests", "TooManyRequests"),
        /** The connection is reset (TCP RST) after the request is read, with no answer. */
        RESET(0, "", ""),
        /** No answer for the stall duration, then the connection is closed. */
        STALL(0, "", "");

        private final int code;
        private final String phrase;
        private final String reason;

        Fault(int code, String phrase, String reason) {
            this.code = code;
            this.phrase = phrase;
            this.reason = reason;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjectingProxy.class);
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final URI upstream;
    private final Map<Fault, Double> probabilities;
    private final Random random;
    private final Duration retryAfter;
    private final Duration stall;
    private final long cutAfterBytes;
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger cut = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean faulty = true;
    private ServerSocket server;
    private ExecutorService connections;

    private FaultInjectingProxy(Builder builder) {
        this.upstream = builder.upstream;
        this.probabilities = new EnumMap<>(builder.probabilities);
        this.random = new Random(builder.seed);
        this.retryAfter = builder.retryAfter;
        this.stall = builder.stall;
        this.cutAfterBytes = builder.cutAfterBytes;
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicInteger());
        }
    }

    /**
     * Starts configuring a proxy in front of an upstream HTTP server.
     *
     * @param upstream the server's base URL, {@code http://host:port}
     * @return a builder with no faults, seed 0, {@code Retry-After: 1} and a 5-second stall
     */
    public static Builder builder(URI upstream) {
        return new Builder(upstream);
    }

    /**
     * Binds a free port on 127.0.0.1 and starts accepting connections.
     *
     * @return this proxy
     * @throws UncheckedIOException when no port can be bound
     * @throws IllegalStateException when already started
     */
    public synchronized FaultInjectingProxy start() {
        if (server != null) {
            throw new IllegalStateException("proxy already started at " + url());
        }
        try {
            server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a port on 127.0.0.1 for the fault-injecting proxy", e);
        }
        AtomicInteger threads = new AtomicInteger();
        connections = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fault-proxy-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        connections.execute(this::accept);
        LOG.info("fault-injecting proxy at {} in front of {}", url(), upstream);
        return this;
    }

    /**
     * Returns the proxy's base URL, {@code http://127.0.0.1:<port>}.
     *
     * @return the URL
     * @throws IllegalStateException when not started
     */
    public synchronized URI url() {
        if (server == null) {
            throw new IllegalStateException("proxy not started");
        }
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Lets every request through, uncut, from now on. */
    public void faultsOff() {
        faulty = false;
    }

    /** Draws faults again at the configured probabilities and cuts responses again, if so configured. */
    public void faultsOn() {
        faulty = true;
    }

    /**
     * Returns how many times a fault was injected.
     *
     * @param fault the fault
     * @return the count since start
     */
    public int injected(Fault fault) {
        return injected.get(fault).get();
    }

    /**
     * Returns how many requests reached the proxy.
     *
     * @return the count since start
     */
    public int requests() {
        return requests.get();
    }

    /**
     * Returns how many forwarded responses were cut short.
     *
     * @return the count since start
     */
    public int cutResponses() {
        return cut.get();
    }

    /** Stops accepting, closes every open connection and releases stalled ones. Idempotent. */
    @Override
    public synchronized void close() {
        closed.countDown();
        if (server == null) {
            return;
        }
        closeQuietly(server);
        open.forEach(FaultInjectingProxy::closeQuietly);
        connections.shutdownNow();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            requests.incrementAndGet();
            String headText = new String(head, ISO_8859_1);
            byte[] body = readBody(in, headText);
            Fault fault = draw();
            if (fault == null) {
                forward(client, closingHead(headText), body);
                return;
            }
            injected.get(fault).incrementAndGet();
            LOG.debug("injecting {} for {}", fault, headText.lines().findFirst().orElse(""));
            answer(client, fault);
        } catch (IOException e) {
            LOG.debug("proxied connection ended: {}", e.toString());
        } finally {
            open.remove(client);
        }
    }

    private Fault draw() {
        if (!faulty) {
            return null;
        }
        double roll;
        synchronized (random) {
            roll = random.nextDouble();
        }
        double sum = 0;
        for (Map.Entry<Fault, Double> entry : probabilities.entrySet()) {
            sum += entry.getValue();
            if (roll < sum) {
                return entry.getKey();
            }
        }
        return null;
    }

    private void answer(Socket client, Fault fault) throws IOException {
        if (fault == Fault.RESET) {
            client.setSoLinger(true, 0);
            return;
        }
        if (fault == Fault.STALL) {
            try {
                closed.await(stall.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        String status = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"injected fault: " + fault.phrase.toLowerCase(Locale.ROOT) + "\",\"reason\":\""
                + fault.reason + "\",\"code\":" + fault.code + "}";
        byte[] bytes = status.getBytes(UTF_8);
        String extra = fault == Fault.TOO_MANY_REQUESTS_429 ? "Retry-After: " + Math.max(0, retryAfter.toSeconds())
                + "\r\n" : "";
        String response = "HTTP/1.1 " + fault.code + " " + fault.phrase + "\r\nContent-Type: application/json\r\n"
                + extra + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
        OutputStream out = client.getOutputStream();
        out.write(response.getBytes(ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private void forward(Socket client, String requestHead, byte[] body) throws IOException {
        try (Socket up = new Socket()) {
            open.add(up);
            up.setTcpNoDelay(true);
            up.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()), 5_000);
            OutputStream toUpstream = up.getOutputStream();
            toUpstream.write(requestHead.getBytes(ISO_8859_1));
            toUpstream.write(body);
            toUpstream.flush();
            InputStream fromUpstream = new BufferedInputStream(up.getInputStream());
            OutputStream toClient = client.getOutputStream();
            byte[] responseHead = readHead(fromUpstream);
            if (responseHead == null) {
                return; // the upstream closed without answering: so does the proxy
            }
            // the client is told the connection closes, so that it never sends a second request on it
            byte[] head = closingHead(new String(responseHead, ISO_8859_1)).getBytes(ISO_8859_1);
            byte[] buffer = new byte[16 * 1024];
            long sent = 0;
            InputStream response = new SequenceInputStream(new ByteArrayInputStream(head), fromUpstream);
            for (int n = response.read(buffer); n >= 0; n = response.read(buffer)) {
                if (faulty && cutAfterBytes >= 0 && sent + n > cutAfterBytes) {
                    toClient.write(buffer, 0, (int) (cutAfterBytes - sent));
                    toClient.flush();
                    cut.incrementAndGet();
                    client.setSoLinger(true, 0);
                    return;
                }
                toClient.write(buffer, 0, n);
                toClient.flush();
                sent += n;
            }
        } finally {
            open.removeIf(Socket::isClosed);
        }
    }

    /**
     * A request or response head with {@code Connection: close}: the upstream answers one request per connection,
     * and the client opens a new connection for its next request.
     */
    private static String closingHead(String head) {
        StringBuilder out = new StringBuilder();
        String[] lines = head.split("\r\n");
        out.append(lines[0]).append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String lower = lines[i].toLowerCase(Locale.ROOT);
            if (!lines[i].isEmpty() && !lower.startsWith("connection:") && !lower.startsWith("keep-alive:")) {
                out.append(lines[i]).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString();
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            last = (last << 8) | b;
            if (last == 0x0D0A0D0A) {
                return head.toByteArray();
            }
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("HTTP head over " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return null;
    }

    /** Reads the body by its Content-Length, or its chunks, re-encoding chunks as they came. */
    private static byte[] readBody(InputStream in, String head) throws IOException {
        long length = 0;
        boolean chunked = false;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            return in.readNBytes((int) length);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            body.write((sizeLine + "\r\n").getBytes(ISO_8859_1));
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(in); !trailer.isEmpty(); trailer = readLine(in)) {
                    body.write((trailer + "\r\n").getBytes(ISO_8859_1));
                }
                body.write("\r\n".getBytes(ISO_8859_1));
                return body.toByteArray();
            }
            body.write(in.readNBytes(size + 2));
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        throw new IOException("connection closed inside a chunked body");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }

    /** Configures a {@link FaultInjectingProxy}. Not thread-safe. */
    public static final class Builder {
        private final URI upstream;
        private final Map<Fault, Double> probabilities = new EnumMap<>(Fault.class);
        private long seed;
        private Duration retryAfter = Duration.ofSeconds(1);
        private Duration stall = Duration.ofSeconds(5);
        private long cutAfterBytes = -1;

        private Builder(URI upstream) {
            this.upstream = requireNonNull(upstream, "upstream is null");
            if (upstream.getPort() < 0) {
                throw new IllegalArgumentException("upstream " + upstream + " names no port");
            }
        }

        /**
         * Sets the probability that a request is answered with a fault; the probabilities together at most 1.
         *
         * @param fault the fault
         * @param value 0 to 1
         * @return this builder
         * @throws IllegalArgumentException when out of range or the sum passes 1
         */
        public Builder probability(Fault fault, double value) {
            if (value < 0 || value > 1) {
                throw new IllegalArgumentException("probability of " + fault + " must be within [0, 1]: " + value);
            }
            probabilities.put(requireNonNull(fault, "fault is null"), value);
            double sum = probabilities.values().stream().mapToDouble(Double::doubleValue).sum();
            if (sum > 1 + 1e-9) {
                throw new IllegalArgumentException("fault probabilities add up to " + sum + ", over 1");
            }
            return this;
        }

        /**
         * Sets the seed of the fault draws.
         *
         * @param value the seed
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets the {@code Retry-After} of a 429 answer (whole seconds).
         *
         * @param value the delay, not negative
         * @return this builder
         */
        public Builder retryAfter(Duration value) {
            if (requireNonNull(value, "retryAfter is null").isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative: " + value);
            }
            this.retryAfter = value;
            return this;
        }

        /**
         * Sets how long a stalled request waits before its connection is closed without an answer.
         *
         * @param value the stall; choose one past the client's request timeout
         * @return this builder
         */
        public Builder stall(Duration value) {
            if (requireNonNull(value, "stall is null").isNegative()) {
                throw new IllegalArgumentException("stall must not be negative: " + value);
            }
            this.stall = value;
            return this;
        }

        /**
         * Cuts every forwarded response after this many bytes with a reset, as a server that goes away mid-transfer.
         *
         * @param bytes the bytes let through per response, not negative
         * @return this builder
         */
        public Builder cutResponsesAfter(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must not be negative: " + bytes);
            }
            this.cutAfterBytes = bytes;
            return this;
        }

        /**
         * Builds the proxy, not yet started.
         *
         * @return the proxy
         */
        public FaultInjectingProxy build() {
            return new FaultInjectingProxy(this);
        }
    }
}
