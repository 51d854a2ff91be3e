package io.gitops4j.testkit.k8s.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP/1.1 message body framings of {@link ApiHttpServer}: request bodies of a known length or chunked, response
 * bodies of a known length or chunked. Closing a stream ends the body, never the connection. Not thread-safe: one
 * exchange uses them from one thread.
 */
final class HttpBodies {

    private HttpBodies() {
    }

    /** Reads one line of a request head (ISO-8859-1, ending in CRLF or LF), or {@code null} at end of stream. */
    static String readLine(InputStream in, int limit) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.length() == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a request head");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= limit) {
                throw new IOException("request head line longer than " + limit + " bytes");
            }
            line.append((char) b);
        }
    }

    /** A request body read from the connection's stream; reading one byte reads through the bulk read. */
    private abstract static class RequestBody extends InputStream {
        protected final InputStream in;

        RequestBody(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    /** A request body of {@code length} bytes. */
    static final class FixedIn extends RequestBody {
        private long remaining;

        FixedIn(InputStream in, long length) {
            super(in);
            this.remaining = length;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                throw new EOFException("connection closed inside a request body");
            }
            remaining -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        @Override
        public void close() throws IOException {
            drain(this, remaining > 0);
        }
    }

    /* Reads what a handler left of a request body, so that the next request starts where it should. */
    private static void drain(InputStream body, boolean unread) throws IOException {
        if (!unread) {
            return;
        }
        byte[] rest = new byte[1024];
        while (body.read(rest, 0, rest.length) >= 0) {
            // skip
        }
    }

    /** A chunked request body. */
    static final class ChunkedIn extends RequestBody {
        private long chunk;
        private boolean done;

        ChunkedIn(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (chunk == 0) {
                String size = readLine(in, 1024);
                if (size == null) {
                    throw new EOFException("connection closed inside a chunked request body");
                }
                int extension = size.indexOf(';');
                try {
                    chunk = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size \"" + size + "\"", e);
                }
                if (chunk == 0) {
                    String trailer;
                    do {
                        trailer = readLine(in, 8192);
                    } while (trailer != null && !trailer.isEmpty());
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(length, chunk));
            if (n < 0) {
                throw new EOFException("connection closed inside a request chunk");
            }
            chunk -= n;
            if (chunk == 0) {
                readLine(in, 16);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            drain(this, !done);
        }
    }

    /** A response body of a declared length; closing it flushes the connection's buffer. */
    static final class FixedOut extends FilterOutputStream {
        private long remaining;

        FixedOut(OutputStream out, long length) {
            super(out);
            this.remaining = length;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            if (length > remaining) {
                throw new IOException("response body longer than its Content-Length");
            }
            out.write(buffer, offset, length);
            remaining -= length;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** A chunked response body: each flush sends what was written as one chunk; closing sends the last chunk. */
    static final class ChunkedOut extends FilterOutputStream {
        private static final byte[] CRLF = {'\r', '\n'};
        private static final byte[] LAST = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private boolean closed;

        ChunkedOut(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            pending.write(buffer, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if (pending.size() > 0) {
                out.write(Integer.toHexString(pending.size()).getBytes(StandardCharsets.US_ASCII));
                out.write(CRLF);
                pending.writeTo(out);
                out.write(CRLF);
                pending.reset();
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (pending.size() > 0) {
                flush();
            }
            out.write(LAST);
            out.flush();
        }
    }
}
