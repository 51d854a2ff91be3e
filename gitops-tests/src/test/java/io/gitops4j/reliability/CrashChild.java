package io.gitops4j.reliability;

import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import io.gitops4j.testkit.InMemorySource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The process {@link CrashSafetyTest} kills: reconciles one revision of a crash-probe application onto the API
 * server named by a kubeconfig and prints one line per applied ({@code APPLIED key}) and deleted ({@code PRUNED key})
 * object, so the parent can kill it at a chosen point. Arguments: kubeconfig path, revision number, object count.
 */
final class CrashChild {
    static final String APPLICATION = "crash-probe";
    static final String NAMESPACE = "crash";

    private CrashChild() {
    }

    /**
     * Runs one reconcile and exits 0 when it succeeded, 1 when it did not.
     *
     * @param args the kubeconfig path, the revision number and the number of objects declared
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        int revision = Integer.parseInt(args[1]);
        int objects = Integer.parseInt(args[2]);
        try (KubernetesTarget target = KubernetesTarget.builder().kubeconfig(Path.of(args[0])).build()) {
            ReconcileResult result = engine(target, revision, objects, new ReconcileListener() {
                @Override
                public void stepApplied(String application, StepResult step) {
                    out.println("APPLIED " + step.key());
                    out.flush();
                }

                @Override
                public void pruned(String application, StepResult step) {
                    out.println("PRUNED " + step.key());
                    out.flush();
                }
            }).reconcile(ReconcileOptions.builder().build());
            out.println("DONE " + result.outcome());
            out.flush();
            System.exit(result.succeeded() ? 0 : 1);
        }
    }

    /** The engine of the probe application at a revision. */
    static GitOpsEngine engine(KubernetesTarget target, int revision, int objects, ReconcileListener listener) {
        return GitOpsEngine.builder().application(APPLICATION)
                .source(InMemorySource.of(DesiredState.of("r" + revision, declared(revision, objects)))).target(target)
                .listener(listener).build();
    }

    /**
     * Revision n declares {@code objects} ConfigMaps from number n * shift on, each naming its revision: each
     * revision updates every object it keeps, adds {@code shift} and prunes {@code shift} (a fifth of the objects).
     */
    static List<Resource> declared(int revision, int objects) {
        List<Resource> resources = new ArrayList<>(objects);
        for (int i = revision * shift(objects); i < revision * shift(objects) + objects; i++) {
            resources.add(ProbeObjects.configMap(NAMESPACE, "cm-" + i, Map.of("i", "v" + i, "revision", "r" + revision)));
        }
        return resources;
    }

    /** How many objects each revision adds and prunes. */
    static int shift(int objects) {
        return Math.max(1, objects / 5);
    }
}
