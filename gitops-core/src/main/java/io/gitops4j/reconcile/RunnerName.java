package io.gitops4j.reconcile;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The default runner name of run records: {@code user@host} of this process. */
final class RunnerName {

    private RunnerName() {
    }

    /** Returns {@code user@host}, from {@code user.name} and the host name ({@code HOSTNAME} when set). */
    static String ofProcess() {
        String user = System.getProperty("user.name", "unknown");
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException | SecurityException e) {
                host = "unknown-host";
            }
        }
        return user + "@" + host;
    }
}
