package io.gitops4j.plan;

import io.gitops4j.diff.StateDiff;

/**
 * The last plan a remembering {@link Planner} made, with the diff it came from and its steps in the diff's key
 * order.
 *
 * @param diff the state diff planned
 * @param inKeyOrder the steps with their sort fields, in the diff's key order
 * @param plan the plan
 */
record LastPlan(StateDiff diff, Ordered[] inKeyOrder, Plan plan) {

    /**
     * Returns a cursor over the remembered steps, for a walk of a new diff in key order.
     *
     * @return a new cursor
     */
    OrderedCursor cursor() {
        return new OrderedCursor(inKeyOrder);
    }
}
