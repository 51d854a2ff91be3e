package io.gitops4j.samples.cli;

import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.samples.folder.FolderTarget;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the desired state is applied: a cluster from a kubeconfig ({@code --kubeconfig}, {@code --context}), an
 * in-process embedded Kubernetes API ({@code --embedded}), or a folder ({@code --folder-target}).
 */
public final class TargetOptions {
    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "kubeconfig of the cluster (default with --context: $KUBECONFIG or ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context (default: the current one).")
    String context;

    @Option(names = "--namespace", paramLabel = "NAME",
            description = "Namespace for namespaced objects that name none (default: the context's, else default).")
    String namespace;

    @Option(names = "--inventory-namespace", paramLabel = "NAME",
            defaultValue = KubernetesTarget.DEFAULT_INVENTORY_NAMESPACE,
            description = "Namespace of the inventory and run records in the cluster, whatever --namespace says; it "
                    + "must exist (default: ${DEFAULT-VALUE}, as for the library).")
    String inventoryNamespace;

    @Option(names = "--embedded",
            description = "Apply to an embedded Kubernetes API started in this process (gone when it exits), with a"
                    + " simulated Deployment controller.")
    boolean embedded;

    @Option(names = "--folder-target", paramLabel = "DIR",
            description = "Apply to a folder: one JSON file per resource (no cluster needed).")
    Path folder;

    /** Creates the options with their defaults (picocli fills them in). */
    public TargetOptions() {
    }

    /**
     * Opens the chosen target.
     *
     * @return the target and what to close with it
     * @throws CommandException when no target or more than one is chosen, or the kubeconfig cannot be read
     */
    OpenTarget open() {
        boolean cluster = kubeconfig != null || context != null;
        int chosen = (cluster ? 1 : 0) + (embedded ? 1 : 0) + (folder != null ? 1 : 0);
        if (chosen != 1) {
            throw new CommandException("choose one target: --kubeconfig FILE [--context NAME], --context NAME, "
                    + "--embedded, or --folder-target DIR");
        }
        if (folder != null) {
            return OpenTarget.of(new FolderTarget(folder), "folder " + folder.toAbsolutePath());
        }
        if (embedded) {
            return OpenTarget.embedded(namespace, inventoryNamespace);
        }
        Path file = kubeconfig != null ? kubeconfig : defaultKubeconfig();
        KubernetesTarget.Builder builder = KubernetesTarget.builder().kubeconfig(file);
        if (context != null) {
            builder.context(context);
        }
        if (namespace != null) {
            builder.defaultNamespace(namespace);
        }
        KubernetesTarget target = builder.inventoryNamespace(inventoryNamespace).build();
        return OpenTarget.of(target, "cluster from " + file + (context == null ? "" : " (context " + context + ")"),
                target);
    }

    private static Path defaultKubeconfig() {
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env.split(java.io.File.pathSeparator)[0]);
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }
}
