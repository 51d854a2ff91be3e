/**
 * Reading manifests: {@link io.gitops4j.manifest.ManifestLoader} turns YAML (multi-document) and JSON files into
 * {@link io.gitops4j.model.Resource}s, expanding {@code List} kinds and skipping empty documents. Every error is a
 * {@link io.gitops4j.manifest.ManifestException} naming the file, the document and the line. Oversized documents
 * and alias bombs are rejected before they can exhaust memory.
 */
package io.gitops4j.manifest;
