package io.gitops4j.reconcile;

import io.gitops4j.diff.StateDiff;
import io.gitops4j.plan.Plan;

/**
 * The diff a run planned (after ownership and per-object policies) and the plan made of it.
 *
 * @param diff the per-resource differences that were planned
 * @param plan the plan
 */
record Planned(StateDiff diff, Plan plan) {
}
