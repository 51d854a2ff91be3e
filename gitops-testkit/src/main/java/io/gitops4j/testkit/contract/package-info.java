/**
 * Contract test suites for the SPIs: extend {@link io.gitops4j.testkit.contract.TargetContract} or
 * {@link io.gitops4j.testkit.contract.DesiredStateSourceContract} in your own test sources, implement the factory
 * methods, and JUnit 5 runs every case against your implementation.
 */
package io.gitops4j.testkit.contract;
