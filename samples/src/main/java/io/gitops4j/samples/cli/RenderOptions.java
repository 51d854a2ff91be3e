package io.gitops4j.samples.cli;

import io.gitops4j.render.RenderMode;
import io.gitops4j.render.RenderSettings;
import io.gitops4j.render.Substitution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How the source's folder renders: {@code --render}, Helm's {@code --values}/{@code --set}, {@code --substitute}. */
public final class RenderOptions {
    @Option(names = "--render", paramLabel = "MODE", defaultValue = "auto",
            description = "How the folder renders: auto (Kustomize for a kustomization file, Helm for Chart.yaml, "
                    + "else plain manifests), plain, kustomize or helm (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--values", paramLabel = "FILE",
            description = "A Helm values file, relative to the chart folder in the source; repeatable, applied in "
                    + "order. A path outside the source (a local file) is read from disk as inline values.")
    List<String> valuesFiles = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "A Helm value, as helm template --set; repeatable, applied last.")
    List<String> set = new ArrayList<>();

    @Option(names = "--release-name", paramLabel = "NAME", defaultValue = "",
            description = "The Helm release name (default: the chart folder's name).")
    String releaseName;

    @Option(names = "--release-namespace", paramLabel = "NAMESPACE", defaultValue = "",
            description = "The Helm release namespace (.Release.Namespace).")
    String releaseNamespace;

    @Option(names = "--skip-crds", description = "Leave out a chart's crds/ folder (helm template without "
            + "--include-crds).")
    boolean skipCrds;

    @Option(names = "--substitute", paramLabel = "NAME=VALUE",
            description = "A post-build variable, as Flux's postBuild.substitute: ${NAME}, ${NAME:-default} and "
                    + "${NAME:=default} in the rendered objects; repeatable.")
    List<String> substitute = new ArrayList<>();

    /** Creates the options with their defaults (picocli fills them in). */
    public RenderOptions() {
    }

    RenderSettings settings() {
        RenderSettings.Builder builder = RenderSettings.builder().mode(mode()).releaseName(releaseName)
                .namespace(releaseNamespace).includeCrds(!skipCrds);
        StringBuilder inline = new StringBuilder();
        for (String file : valuesFiles) {
            Path local = Path.of(file);
            if (local.isAbsolute() && Files.isRegularFile(local)) {
                inline.append(readLocal(local)).append('\n');
            } else {
                builder.valuesFile(file);
            }
        }
        builder.values(inline.toString());
        for (String assignment : set) {
            try {
                builder.set(assignment);
            } catch (IllegalArgumentException e) {
                throw new CommandException("--set " + e.getMessage().replace("a --set assignment", "a value"));
            }
        }
        return builder.build();
    }

    Substitution substitution() {
        Substitution.Builder builder = Substitution.builder();
        for (String assignment : substitute) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new CommandException("--substitute must look like NAME=VALUE, got '" + assignment + "'");
            }
            try {
                builder.variable(assignment.substring(0, equals), assignment.substring(equals + 1));
            } catch (IllegalArgumentException e) {
                throw new CommandException("--substitute: " + e.getMessage());
            }
        }
        return builder.build();
    }

    private RenderMode mode() {
        try {
            return RenderMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandException("--render must be auto, plain, kustomize or helm, got '" + mode + "'");
        }
    }

    private static String readLocal(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new CommandException("cannot read --values " + file + ": " + e.getMessage());
        }
    }
}
