/**
 * Git fixtures for tests: {@link io.gitops4j.testkit.git.GitRepoFixture} builds real repositories with JGit
 * (commits from a map of path to content, tags, branches, force moves, symbolic links, submodule entries) and
 * serves them on 127.0.0.1 over {@code git://} (the {@code git daemon} CLI) or smart HTTP (JGit's
 * {@code UploadPack} behind the JDK's HTTP server, optionally with basic auth); {@link io.gitops4j.testkit.git.GitCli}
 * runs the {@code git} command line for repositories built the way users build them. Everything is created in a
 * temporary folder and removed on {@code close()}. This package uses JGit directly and never depends on
 * {@code gitops-git}.
 */
package io.gitops4j.testkit.git;
