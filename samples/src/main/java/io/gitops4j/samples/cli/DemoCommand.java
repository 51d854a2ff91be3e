package io.gitops4j.samples.cli;

import io.gitops4j.samples.demo.Demo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gitops4j demo}: README's first command; see {@link Demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"See GitOps work in seconds: a local Git repository reconciled into an embedded Kubernetes "
            + "API, then a commit that changes and removes something, drift correction and a rollback.",
            "--repo/--ref/--path and --kubeconfig/--context use a real repository (read only) and cluster."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "URL|PATH", description = "A real repository to read instead of the seeded one.")
    String repo;

    @Option(names = "--ref", paramLabel = "REF", defaultValue = "main",
            description = "With --repo: a branch, tag:NAME, semver:RANGE or a commit SHA (default: ${DEFAULT-VALUE}).")
    String ref;

    @Option(names = "--path", paramLabel = "FOLDER", description = "With --repo: the folder of manifests.")
    String path;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "A real cluster instead of the embedded API.")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "With --kubeconfig: the context to use.")
    String context;

    @Override
    public Integer call() {
        if (context != null && kubeconfig == null) {
            throw new CommandException("--context needs --kubeconfig FILE");
        }
        if (kubeconfig != null) {
            Kubeconfigs.context(Kubeconfigs.merge(List.of(kubeconfig)), context, kubeconfig.toString());
        }
        Demo.Builder demo = Demo.builder().out(spec.commandLine().getOut()).kubeconfig(kubeconfig, context);
        if (repo != null) {
            demo.repository(repo, GitRefs.parse(ref), path);
        }
        demo.build().run();
        return ExitCodes.OK;
    }
}
