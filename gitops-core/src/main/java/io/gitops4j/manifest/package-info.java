/**
 * Reading manifests: {@link io.gitops4j.manifest.ManifestLoader} turns YAML (multi-document) and JSON files into
 * {@link io.gitops4j.model.Resource}s, expanding {@code List} kinds and skipping empty documents. Every error is a
 * {@link io.gitops4j.ManifestException} naming the file, the document and the line. Oversized documents
 * and alias bombs are rejected before they can exhaust memory. A source that remembers what it parsed builds a
 * state from already-parsed files with {@link io.gitops4j.manifest.ManifestLoader#assemble}, with the same duplicate
 * check and digest as a full load.
 */
package io.gitops4j.manifest;

import io.gitops4j.ManifestException;
