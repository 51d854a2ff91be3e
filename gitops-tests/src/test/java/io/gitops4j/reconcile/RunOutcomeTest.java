package io.gitops4j.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.reconcile.ReconcileResult.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOutcomeTest {

    @Test
    void eachCaseNamesItsSimpleOutcomeAndWhetherTheRunSucceeded() {
        assertThat(new RunOutcome.Converged().kind()).isEqualTo(Outcome.CONVERGED);
        assertThat(new RunOutcome.Applied().kind()).isEqualTo(Outcome.APPLIED);
        assertThat(new RunOutcome.DryRun().kind()).isEqualTo(Outcome.DRY_RUN);
        assertThat(new RunOutcome.Failed(List.of("boom")).kind()).isEqualTo(Outcome.FAILED);
        assertThat(new RunOutcome.TimedOut("applying a", "late").kind()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(List.of(new RunOutcome.Converged(), new RunOutcome.Applied(), new RunOutcome.DryRun()))
                .allMatch(RunOutcome::succeeded);
        assertThat(new RunOutcome.Failed(List.of("boom")).succeeded()).isFalse();
        assertThat(new RunOutcome.TimedOut("applying a", "late").succeeded()).isFalse();
    }

    @Test
    void aFailureNamesAtLeastOneError() {
        assertThatThrownBy(() -> new RunOutcome.Failed(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
