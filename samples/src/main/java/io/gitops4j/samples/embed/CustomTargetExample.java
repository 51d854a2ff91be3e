package io.gitops4j.samples.embed;

import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.samples.demo.DemoManifests;
import io.gitops4j.samples.folder.FolderTarget;
import io.gitops4j.source.DirectorySource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The smallest useful embedding: the engine reconciles a folder of manifests ({@link DirectorySource}) into a
 * custom target written in about a hundred lines ({@link FolderTarget}: one JSON file per resource), and prints
 * the plan. Replace {@code FolderTarget} with your own {@code Target} — a config store, a SaaS API, a database —
 * and nothing else changes.
 *
 * <pre>
 * java -cp samples/target/gitops4j.jar io.gitops4j.samples.embed.CustomTargetExample [MANIFESTS_DIR [TARGET_DIR]]
 * </pre>
 */
public final class CustomTargetExample {

    private CustomTargetExample() {
    }

    /**
     * Reconciles {@code manifests} into a {@link FolderTarget} at {@code targetFolder} and prints the plan and
     * the outcome.
     *
     * @param manifests a folder of YAML/JSON manifests
     * @param targetFolder the folder the target writes to
     * @param out where to print
     * @return what the run did
     */
    public static ReconcileResult reconcile(Path manifests, Path targetFolder, PrintWriter out) {
        GitOpsEngine engine = GitOpsEngine.builder()
                .application("folder-example")
                .source(DirectorySource.of(manifests))
                .target(new FolderTarget(targetFolder))
                .build();
        ReconcileResult result = engine.reconcile(ReconcileOptions.defaults());
        out.print(result.plan().toText());
        out.println(result.outcome() + " revision " + result.revision().map(r -> r.shortId()).orElse("(none)")
                + "; the target folder is " + targetFolder.toAbsolutePath());
        out.flush();
        return result;
    }

    /**
     * Runs the example.
     *
     * @param args optional: the manifests folder (default: the demo app, extracted to a temporary folder) and the
     *     target folder (default: a temporary folder)
     * @throws IOException when a temporary folder cannot be created
     */
    public static void main(String[] args) throws IOException {
        Path manifests = args.length > 0 ? Path.of(args[0])
                : DemoManifests.writeTo("v1", Files.createTempDirectory("gitops4j-manifests-"));
        Path target = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("gitops4j-folder-target-");
        ReconcileResult result = reconcile(manifests, target, new PrintWriter(System.out, true));
        System.exit(result.succeeded() ? 0 : 1);
    }
}
