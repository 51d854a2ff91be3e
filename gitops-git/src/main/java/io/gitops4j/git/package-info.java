/**
 * A Git desired-state source on JGit: {@link io.gitops4j.git.GitSource} clones a repository once into a local
 * cache ({@link io.gitops4j.git.RepositoryCache}, shared by every source on the same URL), fetches incrementally,
 * resolves a {@link io.gitops4j.git.GitRef} (branch, tag, exact commit or semver range over tags) to a commit,
 * optionally checks the commit's OpenPGP signature against trusted keys ({@link io.gitops4j.git.SignaturePolicy}),
 * and reads the manifests under a path straight from the commit's tree objects, without a working tree. A new
 * commit parses only the files whose blob changed since the last load and reuses the resources of the rest. The
 * cache compacts a clone once fetches have piled up pack files, and keeps the commits it loaded reachable so a
 * rollback to one of them still loads after a force push.
 * Authentication is described by {@link io.gitops4j.git.GitCredentials}, which never reveal secrets in
 * {@code toString()}. Every failure surfaces as a {@link io.gitops4j.SourceException}; no JGit type appears
 * in the public API.
 */
package io.gitops4j.git;
