/**
 * A complete custom {@link io.gitops4j.target.Target} in about a hundred lines: it keeps each resource as a JSON
 * document in a folder. It shows how small the SPI is, and it passes the testkit's {@code TargetContract}.
 */
package io.gitops4j.samples.folder;
