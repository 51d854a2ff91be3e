/**
 * Contract test suites for the SPIs: extend {@link io.gitops4j.testkit.contract.TargetContract},
 * {@link io.gitops4j.testkit.contract.DesiredStateSourceContract},
 * {@link io.gitops4j.testkit.contract.StateDifferContract}, {@link io.gitops4j.testkit.contract.InventoryStoreContract},
 * {@link io.gitops4j.testkit.contract.HistoryStoreContract}
 * or {@link io.gitops4j.testkit.contract.HealthAssessorContract} in your own test sources, implement the factory
 * methods, and JUnit 5 runs every case against your implementation.
 */
package io.gitops4j.testkit.contract;
