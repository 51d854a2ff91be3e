package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render flags: a chart folder renders with Helm, values and --set reach it, plan says which renderer ran. */
class RenderFlagsCliTest {
    @TempDir
    Path temp;

    @Test
    void aChartFolderIsPlannedWithHelmValuesAndSubstitutionsAndThePlanSaysHelmRenderedIt() throws IOException {
        // given
        Path chart = temp.resolve("chart");
        write(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        write(chart.resolve("values.yaml"), "replicas: 1\n");
        write(chart.resolve("values-prod.yaml"), "replicas: 4\n");
        write(chart.resolve("templates/cm.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-settings
                data:
                  replicas: {{ .Values.replicas | quote }}
                  colour: {{ .Values.colour | default "none" | quote }}
                  cluster: ${CLUSTER}
                """);

        // when
        CliRun plan = CliRun.of("plan", "--app", "web", "--dir", chart.toString(), "--folder-target",
                temp.resolve("live").toString(), "--values", "values-prod.yaml", "--set", "colour=blue",
                "--release-name", "shop", "--substitute", "CLUSTER=prod");

        // then
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCodes.CHANGES);
        assertThat(plan.out()).contains("rendered by helm", "ConfigMap/shop-settings", "replicas: 4",
                "colour: blue", "cluster: prod");
    }

    @Test
    void anUnknownRenderModeIsAClearError() {
        CliRun plan = CliRun.of("plan", "--app", "web", "--dir", temp.toString(), "--folder-target",
                temp.resolve("live").toString(), "--render", "jsonnet");

        assertThat(plan.err()).contains("--render must be auto, plain, kustomize or helm");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
