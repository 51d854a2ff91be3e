package io.gitops4j.samples.cli;

import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gitops4j training-run} (hidden): runs the commands a user runs most against an embedded Kubernetes API in
 * this process, so a JVM can record what they load and compile. The launcher's {@code gitops4j cds} runs it under
 * {@code -XX:ArchiveClassesAtExit} (Java 17 to 24) or {@code -XX:AOTCacheOutput} (Java 25 and later); nothing is
 * left behind. Each step is the real command on a kubeconfig file: {@code apply} (creates), {@code apply} again
 * (nothing to do), {@code apply -o json}, {@code plan} and {@code diff}; their output is discarded.
 */
@Command(name = "training-run", hidden = true, mixinStandardHelpOptions = true,
        description = "Run apply, plan and diff against an embedded Kubernetes API and discard their output "
                + "(what gitops4j cds records).")
final class TrainingRunCommand implements Callable<Integer> {
    /** The commands run, in order; each succeeds (exit 0) on the training folder. */
    static final List<List<String>> STEPS = List.of(List.of("apply"), List.of("apply"), List.of("apply", "-o", "json"),
            List.of("plan"), List.of("diff"));

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (TemporaryFolder work = TemporaryFolder.create("gitops4j-training");
             EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().build().start()) {
            Path manifests = work.path().resolve("manifests");
            createFolder(manifests);
            TrainingManifests.write(manifests);
            Path kubeconfig = work.path().resolve("kubeconfig.yaml");
            api.writeKubeconfig(kubeconfig);
            List<String> target = List.of("--dir", manifests.toString(), "--kubeconfig", kubeconfig.toString());
            for (List<String> step : STEPS) {
                int exit = run(step, target);
                if (exit != ExitCodes.OK) {
                    throw new CommandException("training step '" + String.join(" ", step) + "' exited " + exit
                            + "; run it by hand with --verbose against gitops4j embedded-api to see why");
                }
            }
        }
        out.println("training run done");
        out.flush();
        return ExitCodes.OK;
    }

    private static int run(List<String> command, List<String> target) {
        List<String> args = new ArrayList<>(command);
        args.addAll(target);
        String[] line = args.toArray(String[]::new);
        CommandLine step = Gitops4jCli.commandLine(new CliEnvironment(Map.of(), false), line);
        step.setOut(new PrintWriter(Writer.nullWriter()));
        step.setErr(new PrintWriter(Writer.nullWriter()));
        return step.execute(line);
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CommandException("cannot create " + folder + ": " + e.getMessage(), e);
        }
    }
}
