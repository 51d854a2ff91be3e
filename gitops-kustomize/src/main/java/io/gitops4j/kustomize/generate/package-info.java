/**
 * Kustomize's ConfigMap and Secret generators: objects from files, literals and env files, merge and replace
 * behaviours, generator options and the content hash suffix Kustomize appends to generated names.
 */
package io.gitops4j.kustomize.generate;
