/** Tests of the {@code gitops4j} launcher script that starts the CLI jar. */
package io.gitops4j.samples.launcher;
