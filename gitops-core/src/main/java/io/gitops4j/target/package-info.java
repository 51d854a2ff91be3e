/**
 * The target SPI: where desired state is applied. A {@link io.gitops4j.target.Target} observes live objects,
 * applies one resource, deletes one key, assesses health, and keeps the application's inventory. Whatever a
 * target cannot do is a {@link io.gitops4j.TargetException} naming the resource. The testkit's
 * {@code TargetContract} proves an implementation keeps the contract. {@link io.gitops4j.target.HealthAssessment}
 * is the health of a set of resources on a target and its aggregate, shared by the engine, the loop and tools.
 */
package io.gitops4j.target;

import io.gitops4j.TargetException;
