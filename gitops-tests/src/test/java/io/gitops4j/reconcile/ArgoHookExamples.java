package io.gitops4j.reconcile;

import java.util.Map;
import java.util.TreeMap;

/**
 * Manifests shaped like Argo CD's example applications {@code sync-waves} and {@code pre-post-sync}: hook Jobs with
 * {@code metadata.generateName} in PreSync, Sync (in waves between the resources), PostSync and SyncFail, around
 * ConfigMaps in waves. A Job labelled {@value #OUTCOME_LABEL}{@code : fail} is one the test's Job controller fails.
 */
public final class ArgoHookExamples {
    /** The label the tests' Job controller reads: {@code fail} makes the Job fail, anything else complete. */
    public static final String OUTCOME_LABEL = "example.com/outcome";

    private ArgoHookExamples() {
    }

    /**
     * The application's files.
     *
     * @param preSyncOutcome {@code "complete"} or {@code "fail"}, for the PreSync Job
     * @param settings the value of the {@code settings} ConfigMap (change it to have something to sync)
     * @return path to content
     */
    public static Map<String, String> files(String preSyncOutcome, String settings) {
        Map<String, String> files = new TreeMap<>();
        files.put("shop/pre-post-sync.yaml", job("before-", "PreSync", "0", "HookSucceeded", preSyncOutcome)
                + job("after-", "PostSync", "0", "HookSucceeded", "complete")
                + job("notify-failure-", "SyncFail", "0", "HookSucceeded", "complete")
                + configMap("settings", "0", settings));
        files.put("shop/sync-waves.yaml", job("upgrade-sql-schema-", "PreSync", "0", "BeforeHookCreation", "complete")
                + configMap("backend", "1", "v1")
                + job("maint-page-up-", "Sync", "2", "BeforeHookCreation", "complete")
                + configMap("frontend", "3", "v1")
                + job("maint-page-down-", "Sync", "4", "BeforeHookCreation", "complete"));
        return files;
    }

    /**
     * The next revision of the application, with one Sync hook that fails (wave 2): {@code backend} is replaced by
     * {@code backend-v2} (wave 1, before the hook) and {@code frontend} changes (wave 3, after it).
     */
    public static Map<String, String> failingSyncHook(String settings) {
        Map<String, String> files = files("complete", settings);
        files.put("shop/sync-waves.yaml", configMap("backend-v2", "1", "v2")
                + job("maint-page-up-", "Sync", "2", "BeforeHookCreation", "fail")
                + configMap("frontend", "3", "v2"));
        return files;
    }

    /**
     * A hook Job with a generated name in namespace {@code shop}.
     *
     * @param generateName the name prefix
     * @param phase the Argo CD hook phase
     * @param wave the sync wave
     * @param deletePolicy the Argo CD delete policy
     * @param outcome what the test's Job controller makes of it
     * @return the YAML document, ending with {@code ---}
     */
    public static String job(String generateName, String phase, String wave, String deletePolicy, String outcome) {
        return job("generateName: " + generateName, outcome, """
                argocd.argoproj.io/hook: %s
                argocd.argoproj.io/sync-wave: "%s"
                argocd.argoproj.io/hook-delete-policy: %s""".formatted(phase, wave, deletePolicy));
    }

    /**
     * A Job in namespace {@code shop}.
     *
     * @param identity {@code "name: x"} or {@code "generateName: x-"}
     * @param outcome what the test's Job controller makes of it
     * @param annotations annotation lines ({@code key: value}), or {@code ""} for none
     * @return the YAML document, ending with {@code ---}
     */
    public static String job(String identity, String outcome, String annotations) {
        String annotated = annotations.isEmpty() ? "" : "  annotations:\n" + annotations.indent(4);
        return """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  %s
                  namespace: shop
                  labels:
                    %s: %s
                %sspec:
                  backoffLimit: 0
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: run
                        image: busybox:1.36
                        command: ["true"]
                ---
                """.formatted(identity, OUTCOME_LABEL, outcome, annotated);
    }

    static String configMap(String name, String wave, String value) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                  namespace: shop
                  annotations:
                    argocd.argoproj.io/sync-wave: "%s"
                data:
                  value: %s
                ---
                """.formatted(name, wave, value);
    }
}
