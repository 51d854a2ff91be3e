package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    @Test
    void readsGoStyleDurations() {
        assertThat(DurationConverter.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationConverter.parse("2us")).isEqualTo(Duration.ofNanos(2_000));
        assertThat(DurationConverter.parse("0")).isZero();
    }

    @Test
    void readsIso8601() {
        assertThat(DurationConverter.parse("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationConverter.parse("pt1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void rejectsWhatIsNeitherSayingHowToWriteIt() {
        for (String bad : new String[] {"", "30", "5x", "m", "1h 30m", "-5s", "PT-5S", "soon"}) {
            assertThatThrownBy(() -> DurationConverter.parse(bad)).as(bad)
                    .isInstanceOf(TypeConversionException.class).hasMessageContaining("30s, 5m, 1h30m");
        }
    }

    @Test
    void everyCombinationOfUnitsAddsUp() {
        qt().forAll(integers().between(0, 99), integers().between(0, 59), integers().between(0, 59),
                integers().between(0, 999)).checkAssert((h, m, s, ms) ->
                assertThat(DurationConverter.parse(h + "h" + m + "m" + s + "s" + ms + "ms"))
                        .isEqualTo(Duration.ofHours(h).plusMinutes(m).plusSeconds(s).plusMillis(ms)));
    }

    @Test
    void everyDurationOptionTakesBothForms() {
        // when
        CliRun bad = CliRun.of("watch", "--dir", ".", "--folder-target", "live", "--interval", "soon");
        CliRun badTimeout = CliRun.of("apply", "--dir", ".", "--folder-target", "live", "--timeout", "5 minutes");

        // then
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(bad.err()).contains("--interval", "'soon' is not a duration");
        assertThat(badTimeout.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(badTimeout.err()).contains("--timeout", "'5 minutes' is not a duration");
    }
}
