package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The timing line of GITOPS4J_TIMING: marks in the order made, each once; nothing when off. */
class PhaseTimesTest {

    @Test
    void anEnabledClockPrintsItsMarksInOrderEachOnceThenDone() {
        // given
        PhaseTimes timing = new PhaseTimes(System.nanoTime(), true);
        StringWriter err = new StringWriter();

        // when
        timing.mark("parsed");
        timing.loaded("shop", null, 3);
        timing.mark("parsed");
        timing.print(new PrintWriter(err));

        // then
        assertThat(err.toString()).matches("timing: parsed \\d+, loaded \\d+, done \\d+ ms since main\\R");
    }

    @Test
    void aDisabledClockPrintsNothing() {
        // given
        PhaseTimes timing = new PhaseTimes(System.nanoTime(), false);
        StringWriter err = new StringWriter();

        // when
        timing.mark("parsed");
        timing.print(new PrintWriter(err));

        // then
        assertThat(err.toString()).isEmpty();
    }
}
