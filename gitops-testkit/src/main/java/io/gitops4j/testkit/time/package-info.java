/**
 * Time for tests that never sleep: {@link io.gitops4j.testkit.time.ManualScheduler}, a
 * {@link io.gitops4j.loop.Scheduler} that runs due tasks, inline and in due order, only when the test advances a
 * {@link io.gitops4j.testkit.ManualClock}.
 */
package io.gitops4j.testkit.time;
