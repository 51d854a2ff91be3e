/**
 * Where desired state comes from: the {@link io.gitops4j.source.DesiredStateSource} SPI, its
 * {@link io.gitops4j.SourceException}, and {@link io.gitops4j.source.DirectorySource} for a local folder.
 * A source either returns a complete {@link io.gitops4j.model.DesiredState} or throws; it never returns a
 * partial one, so a failed load can never cause a prune.
 */
package io.gitops4j.source;

import io.gitops4j.SourceException;
