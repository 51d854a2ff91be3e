package io.gitops4j.testkit.k8s;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link EmbeddedKubernetesApi} on its own, for demos and for poking at it with {@code kubectl}:
 * {@code --port <n>} (default 0: a free port) and {@code --kubeconfig <file>} (optional). Prints the URL and
 * serves until the JVM is stopped (Ctrl-C or SIGTERM), then shuts down cleanly.
 */
public final class EmbeddedKubernetesApiMain {

    private EmbeddedKubernetesApiMain() {
    }

    /**
     * Starts the server and blocks until the JVM shuts down.
     *
     * @param args {@code [--port <n>] [--kubeconfig <file>]}
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        int port = 0;
        Path kubeconfig = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--port") || arg.equals("--kubeconfig")) && i + 1 == args.length) {
                usage("missing value for " + arg);
                return;
            }
            if (arg.equals("--port")) {
                port = Integer.parseInt(args[++i]);
            } else if (arg.equals("--kubeconfig")) {
                kubeconfig = Path.of(args[++i]);
            } else {
                usage("unknown argument " + arg);
                return;
            }
        }
        EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().port(port).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            stopped.countDown();
        }, "embedded-k8s-api-shutdown"));
        out.println("Embedded Kubernetes API serving at " + api.url());
        if (kubeconfig != null) {
            api.writeKubeconfig(kubeconfig);
            out.println("kubeconfig written to " + kubeconfig.toAbsolutePath()
                    + " (try: kubectl --kubeconfig " + kubeconfig + " get namespaces)");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: EmbeddedKubernetesApiMain [--port <n>] [--kubeconfig <file>]");
    }
}
