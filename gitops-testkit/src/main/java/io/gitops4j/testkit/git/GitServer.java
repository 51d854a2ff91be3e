package io.gitops4j.testkit.git;

/**
 * A Git server on 127.0.0.1 that a test started for one repository; closing it stops serving.
 *
 * <p>Obtained from {@link GitRepoFixture#serveOverGitDaemon()} or {@link GitRepoFixture#serveOverHttp()}; the
 * fixture also stops every server it started when it is closed. Thread-safe.
 */
public interface GitServer extends AutoCloseable {

    /** Returns the URI a client clones from, e.g. {@code git://127.0.0.1:40123/repo.git}. */
    String uri();

    /**
     * Returns how many fetch negotiations (ref advertisements) the server has answered so far; {@code -1} when the
     * server cannot count them ({@code git daemon}).
     */
    int fetchCount();

    /** Stops serving; later connections are refused. Idempotent. */
    @Override
    void close();
}
