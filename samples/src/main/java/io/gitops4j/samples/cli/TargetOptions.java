package io.gitops4j.samples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.samples.folder.FolderTarget;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * Where the desired state is applied: a cluster from a kubeconfig ({@code --kubeconfig}, {@code --context}), an
 * in-process embedded Kubernetes API ({@code --embedded}), or a folder ({@code --folder-target}).
 */
public final class TargetOptions {
    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "kubeconfig of the cluster (default with --context: the files of $KUBECONFIG, merged "
                    + "as kubectl does, or ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context (default: the current one); an unknown name is an error that lists "
                    + "the contexts.")
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
     * @param environment where {@code $KUBECONFIG} comes from
     * @return the target and what to close with it
     * @throws CommandException when no target or more than one is chosen, the kubeconfig cannot be read, or the
     *     context is not in it
     */
    OpenTarget open(CliEnvironment environment) {
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
        List<Path> files = Kubeconfigs.files(kubeconfig, environment);
        String source = files.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        ObjectNode merged = Kubeconfigs.merge(files);
        String contextName = Kubeconfigs.context(merged, context, source);
        TemporaryFolder folder = files.size() == 1 ? null : TemporaryFolder.create("gitops4j-kubeconfig");
        try {
            Path file = folder == null ? files.get(0) : Kubeconfigs.write(merged, folder.path());
            KubernetesTarget.Builder builder = KubernetesTarget.builder().kubeconfig(file).context(contextName);
            String server = Kubeconfigs.server(merged, contextName);
            if (PlainHttpClientFactory.plainHttp(server)) {
                builder.httpClientFactory(new PlainHttpClientFactory(server));
            }
            if (namespace != null) {
                builder.defaultNamespace(namespace);
            }
            KubernetesTarget target = builder.inventoryNamespace(inventoryNamespace).build();
            String description = "cluster from " + source + " (context " + contextName + ")";
            return folder == null ? OpenTarget.of(target, description, target)
                    : OpenTarget.of(target, description, folder, target);
        } catch (RuntimeException e) {
            if (folder != null) {
                folder.close();
            }
            throw e;
        }
    }
}
