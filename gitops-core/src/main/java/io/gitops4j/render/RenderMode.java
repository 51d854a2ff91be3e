package io.gitops4j.render;

/** Which renderer turns an application's folder into resources. */
public enum RenderMode {
    /**
     * Decide from the folder, before any file is parsed: a {@code kustomization.yaml}, {@code kustomization.yml} or
     * {@code Kustomization} file means Kustomize, a {@code Chart.yaml} means Helm, anything else plain manifests.
     */
    AUTO,
    /** Plain manifest files, read recursively. */
    PLAIN,
    /** Kustomize: the folder holds a kustomization. */
    KUSTOMIZE,
    /** Helm: the folder is a chart. */
    HELM
}
