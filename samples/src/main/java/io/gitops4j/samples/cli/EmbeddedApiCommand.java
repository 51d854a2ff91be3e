package io.gitops4j.samples.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.samples.demo.SimulatedController;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gitops4j embedded-api}: serve the testkit's embedded Kubernetes API until Ctrl-C. */
@Command(name = "embedded-api", mixinStandardHelpOptions = true,
        description = {"Serve an in-process Kubernetes API on 127.0.0.1 (with a simulated Deployment controller) "
            + "until Ctrl-C.", "Point other commands (or kubectl) at it with --kubeconfig FILE."})
final class EmbeddedApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(names = "--kubeconfig", paramLabel = "FILE", defaultValue = "embedded-kubeconfig.yaml",
            description = "Where to write a kubeconfig for it (default: ${DEFAULT-VALUE}).")
    Path kubeconfig;

    @Option(names = "--no-controller", description = "Do not simulate the Deployment controller.")
    boolean noController;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().port(port).build().start();
             KubernetesClient client = new KubernetesClientBuilder()
                     .withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
             SimulatedController controller = new SimulatedController(api, client)) {
            if (!noController) {
                controller.start();
            }
            api.writeKubeconfig(kubeconfig);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "embedded-api-shutdown"));
            out.println("Embedded Kubernetes API serving at " + api.url()
                    + (noController ? "" : " (with a simulated Deployment controller)"));
            out.println("kubeconfig: " + kubeconfig.toAbsolutePath());
            out.println("try:  java -jar samples/target/gitops4j.jar apply --dir samples/src/main/resources/demo/v1"
                    + " --kubeconfig " + kubeconfig + " --wait");
            out.println("      kubectl --kubeconfig " + kubeconfig + " get all -A");
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
        }
        return ExitCodes.OK;
    }
}
