package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hidden training run that gitops4j cds records: real commands against an embedded API, output discarded. */
class TrainingRunCliTest {

    @Test
    void theTrainingRunAppliesPlansAndDiffsAgainstAnEmbeddedApiAndSucceeds() {
        // when
        CliRun training = CliRun.of("training-run");

        // then
        assertThat(training.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(training.out()).isEqualTo("training run done" + System.lineSeparator());
        assertThat(training.err()).isEmpty();
    }

    @Test
    void theTrainingRunIsNotListedInTheHelp() {
        // when
        CliRun help = CliRun.of("--help");

        // then
        assertThat(help.out()).contains("apply").doesNotContain("training-run");
    }
}
