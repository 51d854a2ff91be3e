/**
 * The target SPI: where desired state is applied. A {@link io.gitops4j.target.Target} observes live objects,
 * applies one resource, deletes one key, assesses health, and keeps the application's inventory. Whatever a
 * target cannot do is a {@link io.gitops4j.target.TargetException} naming the resource. The testkit's
 * {@code TargetContract} proves an implementation keeps the contract.
 */
package io.gitops4j.target;
