package io.gitops4j.testkit.assertions;

import io.gitops4j.diff.StateDiff;
import io.gitops4j.plan.Plan;
import io.gitops4j.reconcile.ReconcileResult;

/**
 * Entry point of the gitops4j assertions; statically import {@code assertThat} next to AssertJ's (the overloads
 * do not clash).
 *
 * <pre>{@code
 * import static io.gitops4j.testkit.assertions.GitOpsAssertions.assertThat;
 *
 * assertThat(engine.reconcile()).succeeded().created("apps/Deployment/shop/web").pruned("ConfigMap/shop/old");
 * assertThat(engine.reconcile()).isConverged();
 * }</pre>
 */
public final class GitOpsAssertions {

    private GitOpsAssertions() {
    }

    /**
     * Starts assertions on a reconcile result.
     *
     * @param actual the result
     * @return the assertion
     */
    public static ReconcileResultAssert assertThat(ReconcileResult actual) {
        return new ReconcileResultAssert(actual);
    }

    /**
     * Starts assertions on a plan.
     *
     * @param actual the plan
     * @return the assertion
     */
    public static PlanAssert assertThat(Plan actual) {
        return new PlanAssert(actual);
    }

    /**
     * Starts assertions on a state diff.
     *
     * @param actual the diff
     * @return the assertion
     */
    public static StateDiffAssert assertThat(StateDiff actual) {
        return new StateDiffAssert(actual);
    }
}
