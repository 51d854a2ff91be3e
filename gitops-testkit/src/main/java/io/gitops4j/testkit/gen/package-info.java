/**
 * Seeded generators for property tests in any framework: {@link io.gitops4j.testkit.gen.ResourceGenerator}
 * (resources, desired states, manifest file layouts, live perturbations from one seed) and
 * {@link io.gitops4j.testkit.gen.Generators}, its QuickTheories {@code Gen} adapters.
 */
package io.gitops4j.testkit.gen;
