package io.gitops4j.bench.git;

import io.gitops4j.testkit.git.GitRepoFixture;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A bare repository with {@value #FILES} Deployment manifests in {@value #FOLDERS} folders, built once per trial. */
@State(Scope.Benchmark)
public class BenchRepository {
    static final int FOLDERS = 50;
    static final int FILES = 5_000;

    GitRepoFixture fixture;
    String uri;

    /** Builds the repository. */
    @Setup(Level.Trial)
    public void create() {
        fixture = GitRepoFixture.create();
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < FILES; i++) {
            String folder = "apps/team-" + (i % FOLDERS);
            files.put(folder + "/deploy-" + i + ".yaml", deployment("app-" + i, "team-" + (i % FOLDERS)));
        }
        fixture.commit(files);
        uri = fixture.fileUri();
    }

    /**
     * Commits a change to one file ({@code deploy-0}'s replica count, alternating between 2 and 3): a new commit on
     * {@code main} every call, even when its content equals an earlier one.
     *
     * @param change a counter; even and odd values give the two contents
     * @return the new commit's SHA
     */
    String commitOneFileChange(int change) {
        String file = "apps/team-0/deploy-0.yaml";
        String content = deployment("app-0", "team-0").replace("replicas: 2", "replicas: " + (2 + change % 2));
        return fixture.commit(Map.of(file, content));
    }

    /** Deletes the repository. */
    @TearDown(Level.Trial)
    public void delete() {
        fixture.close();
    }

    private static String deployment(String name, String namespace) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n  namespace: " + namespace
                + "\n  labels:\n    app: " + name + "\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n"
                + "      app: " + name + "\n  template:\n    metadata:\n      labels:\n        app: " + name
                + "\n    spec:\n      containers:\n        - name: main\n          image: ghcr.io/example/" + name
                + ":1.0.0\n          ports:\n            - containerPort: 8080\n          resources:\n"
                + "            requests:\n              cpu: 100m\n              memory: 64Mi\n";
    }
}
