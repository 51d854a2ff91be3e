/**
 * The rendering step of the source pipeline: a folder of a repository at one revision ({@link SourceTree}) becomes
 * resources, either plain manifests or the output of a {@link Renderer} (Kustomize, Helm) chosen by
 * {@link RenderMode}. Renderers live in their own modules and are found with {@link java.util.ServiceLoader} or
 * registered explicitly; they read only the tree they are given.
 */
package io.gitops4j.render;
