package io.gitops4j.samples.demo;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.git.GitRef;
import io.gitops4j.git.GitSource;
import io.gitops4j.target.HealthAssessment;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.plan.PlanStep;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.samples.render.PlanDiffs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo: reconciles a Git repository into Kubernetes four times, printing plan, diff, result and health each
 * time. By default it seeds a temporary Git repository with a small app (a Namespace, ConfigMap, Secret,
 * Deployment and Service shipped in this jar) and applies it to the testkit's embedded Kubernetes API, then
 * commits a second version (changes, a removal), edits the live Deployment by hand to show drift correction, and
 * rolls back to the first revision. {@link Builder#repository} and {@link Builder#kubeconfig} switch it to a real
 * repository (read only: the change step becomes a no-op reconcile) and a real cluster.
 *
 * <p>Not thread-safe; one run per instance. {@link #run()} throws a {@link DemoException} naming the step when a
 * step does not end as expected.
 */
public final class Demo {
    private static final String APPLICATION = "demo-shop";
    private static final int STEPS = 4;

    private final PrintWriter out;
    private final String repository;
    private final GitRef ref;
    private final String path;
    private final Path kubeconfig;
    private final String context;

    private Demo(Builder builder) {
        this.out = builder.out;
        this.repository = builder.repository;
        this.ref = builder.ref;
        this.path = builder.path;
        this.kubeconfig = builder.kubeconfig;
        this.context = builder.context;
    }

    /**
     * Returns a builder: by default a seeded temporary repository, the embedded API, output to stdout.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every step and prints as it goes.
     *
     * @return what each step did
     * @throws DemoException when a step fails; the message names it
     * @throws io.gitops4j.GitOpsException when the repository or cluster cannot be reached
     */
    public DemoReport run() {
        try (DemoRepository repo = repository == null ? DemoRepository.seeded()
                : DemoRepository.external(repository, ref == null ? "main" : ref.describe(), path);
             DemoCluster cluster = kubeconfig == null ? DemoCluster.embedded() : DemoCluster.real(kubeconfig, context);
             GitSource source = GitSource.builder().uri(repo.uri()).ref(ref == null ? GitRef.branch(repo.ref()) : ref)
                     .path(repo.path()).build()) {
            String sourceText = source.describe() + (repo.isSeeded()
                    ? " (a temporary repository seeded with the demo app from this jar)" : "");
            DemoPrinter printer = new DemoPrinter(out);
            printer.banner(sourceText, cluster.description(), cluster.isEmbedded());
            GitOpsEngine engine = GitOpsEngine.builder().application(APPLICATION).source(source)
                    .target(cluster.target()).differ(DefaultStateDiffer.defaults())
                    .healthPollInterval(Duration.ofMillis(100)).build();
            DemoSteps steps = new DemoSteps(engine, cluster, printer);
            List<DemoStep> done = new ArrayList<>();
            done.add(steps.reconcile(1, "reconcile the first commit", ReconcileOptions.builder(), List.of()));
            Revision first = done.get(0).result().revision().orElseThrow();
            done.add(secondVersion(repo, steps));
            steps.drift(3, done.get(1)).ifPresent(done::add);
            done.add(steps.reconcile(4, "roll back to the first revision " + first.shortId(),
                    ReconcileOptions.builder().revision(first), List.of("loaded the exact revision " + first.id()
                            + " (ReconcileOptions.revision): rollback is a reconcile of an earlier commit")));
            out.println();
            out.println("Demo finished: " + done.size() + " reconciles against " + cluster.description()
                    + ", every one healthy.");
            out.println("Next: java -jar samples/target/gitops4j.jar --help   (plan, diff, apply, watch, history,"
                    + " rollback)");
            out.flush();
            return new DemoReport(cluster.description(), sourceText, done);
        }
    }

    private DemoStep secondVersion(DemoRepository repo, DemoSteps steps) {
        Optional<String> second = repo.commitSecondVersion();
        if (second.isEmpty()) {
            return steps.reconcile(2, "reconcile again: nothing changed, nothing to do", ReconcileOptions.builder(),
                    List.of("the demo never writes to your repository; commit a change and run 'gitops4j apply'"));
        }
        List<String> notes = List.of("git commit " + second.get().substring(0, 12) + ": "
                + DemoManifests.changes("v1", "v2"));
        return steps.reconcile(2, "commit v2 (config, secret, image, replicas changed; Service removed) and"
                + " reconcile", ReconcileOptions.builder(), notes);
    }

    /** Configures a {@link Demo}. Not thread-safe. */
    public static final class Builder {
        private PrintWriter out = new PrintWriter(System.out, true);
        private String repository;
        private GitRef ref;
        private String path = "";
        private Path kubeconfig;
        private String context;

        private Builder() {
        }

        /**
         * Sets where the demo prints (default {@code System.out}).
         *
         * @param value the stream
         * @return this builder
         */
        public Builder out(PrintWriter value) {
            this.out = requireNonNull(value, "out is null");
            return this;
        }

        /**
         * Reads a real repository (URL or local path) instead of seeding a temporary one; the demo never writes to
         * it.
         *
         * @param uri the repository, or {@code null} for the seeded one
         * @param gitRef what to track, or {@code null} for branch {@code main}
         * @param folder the folder inside the repository, or {@code null} for the root
         * @return this builder
         */
        public Builder repository(String uri, GitRef gitRef, String folder) {
            this.repository = uri;
            this.ref = gitRef;
            this.path = folder == null ? "" : folder;
            return this;
        }

        /**
         * Applies to a real cluster instead of the embedded API.
         *
         * @param file the kubeconfig, or {@code null} for the embedded API
         * @param contextName the context, or {@code null} for the kubeconfig's current one
         * @return this builder
         */
        public Builder kubeconfig(Path file, String contextName) {
            this.kubeconfig = file;
            this.context = contextName;
            return this;
        }

        /**
         * Builds the demo.
         *
         * @return the demo
         */
        public Demo build() {
            return new Demo(this);
        }
    }

    /** Runs and checks the demo's steps against one engine and cluster. */
    private static final class DemoSteps {
        private final GitOpsEngine engine;
        private final DemoCluster cluster;
        private final DemoPrinter printer;

        DemoSteps(GitOpsEngine engine, DemoCluster cluster, DemoPrinter printer) {
            this.engine = engine;
            this.cluster = cluster;
            this.printer = printer;
        }

        DemoStep reconcile(int number, String title, ReconcileOptions.Builder options, List<String> notes) {
            printer.heading(number, STEPS, title);
            notes.forEach(note -> printer.line(note));
            ReconcileResult result = engine.reconcile(options.healthTimeout(cluster.healthTimeout()).build());
            return finish(number, title, Optional.empty(), result, notes);
        }

        Optional<DemoStep> drift(int number, DemoStep previous) {
            Optional<ResourceKey> deployment = previous.result().plan().allApplies().stream().map(PlanStep::key)
                    .filter(key -> key.group().equals("apps") && key.kind().equals("Deployment")).findFirst();
            String title = "drift: someone edits the live Deployment by hand";
            if (deployment.isEmpty()) {
                printer.heading(number, STEPS, title + " (skipped: the repository declares no Deployment)");
                return Optional.empty();
            }
            ResourceKey key = deployment.get();
            printer.heading(number, STEPS, title);
            GenericKubernetesResource edited = deployment(key).edit(d -> {
                @SuppressWarnings("unchecked")
                java.util.Map<String, Object> spec = (java.util.Map<String, Object>) d.getAdditionalProperties()
                        .get("spec");
                spec.put("replicas", replicas(d) + 2);
                if (d.getMetadata().getLabels() == null) {
                    d.getMetadata().setLabels(new java.util.HashMap<>());
                }
                d.getMetadata().getLabels().put("team", "payments");
                return d;
            });
            printer.line("edited " + key + " through the Kubernetes API (like kubectl edit): spec.replicas "
                    + (replicas(edited) - 2) + " -> " + replicas(edited) + ", label team=payments added");
            ReconcileResult check = engine.reconcile(ReconcileOptions.builder().dryRun(true).build());
            printer.section("Drift detected: gitops4j diff against Git (a dry run; nothing changed yet)",
                    PlanDiffs.text(check.plan()));
            printer.line("the label team=payments is not declared in Git, so it is not drift and is left alone");
            ReconcileResult result = engine.reconcile(ReconcileOptions.builder()
                    .healthTimeout(cluster.healthTimeout()).build());
            GenericKubernetesResource live = deployment(key).get();
            List<String> notes = List.of("live " + key + " after correction: spec.replicas=" + replicas(live)
                    + ", label team=" + live.getMetadata().getLabels().get("team") + " (kept)");
            return Optional.of(finish(number, title, Optional.of(PlanDiffs.of(check.plan())), result, notes));
        }

        private DemoStep finish(int number, String title, Optional<io.gitops4j.diff.StateDiff> drift,
                ReconcileResult result, List<String> notes) {
            printer.reconciled(result);
            DemoStep step = new DemoStep(title, drift, result, HealthAssessment.observe(cluster.target(),
                    result.plan().allApplies().stream().map(PlanStep::key).toList()).health(), notes);
            printer.health(step, cluster.isEmbedded(), !drift.isEmpty());
            if (!result.succeeded()) {
                throw new DemoException("step " + number + " (" + title + ") failed: " + result.error().orElse(
                        result.failedSteps().isEmpty() ? result.outcome().name() : result.failedSteps().get(0)
                                .toString()));
            }
            if (!result.healthy()) {
                throw new DemoException("step " + number + " (" + title + ") did not become healthy within "
                        + cluster.healthTimeout().toSeconds() + " s: " + result.health());
            }
            return step;
        }

        private Resource<GenericKubernetesResource> deployment(ResourceKey key) {
            return cluster.client().genericKubernetesResources("apps/v1", "Deployment").inNamespace(key.namespace())
                    .withName(key.name());
        }

        private static int replicas(GenericKubernetesResource deployment) {
            Number value = deployment.get("spec", "replicas");
            return value == null ? 1 : value.intValue();
        }
    }
}
