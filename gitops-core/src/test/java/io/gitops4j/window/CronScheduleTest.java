package io.gitops4j.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void everyFieldReadsValuesRangesListsStepsAndNames() {
        // given
        CronSchedule schedule = CronSchedule.parse("0,30 9-17/4 * jan-MAR MON-FRI");

        // when
        List<Instant> starts = starts(schedule, "2026-01-01T00:00:00Z", ZoneOffset.UTC, 7);

        // then: 2026-01-01 is a Thursday; hours 9, 13, 17
        assertThat(starts).containsExactly(at("2026-01-01T09:00:00Z"), at("2026-01-01T09:30:00Z"),
                at("2026-01-01T13:00:00Z"), at("2026-01-01T13:30:00Z"), at("2026-01-01T17:00:00Z"),
                at("2026-01-01T17:30:00Z"), at("2026-01-02T09:00:00Z"));
    }

    @Test
    void aStepAfterASingleValueRunsToTheFieldsMaximum() {
        // given
        CronSchedule schedule = CronSchedule.parse("50/5 0 * * *");

        // then
        assertThat(starts(schedule, "2026-01-01T00:00:00Z", ZoneOffset.UTC, 3))
                .containsExactly(at("2026-01-01T00:50:00Z"), at("2026-01-01T00:55:00Z"), at("2026-01-02T00:50:00Z"));
    }

    @Test
    void restrictedDayOfMonthAndDayOfWeekMatchEitherAsInCron() {
        // given: the 13th, and every Friday
        CronSchedule either = CronSchedule.parse("0 0 13 * FRI");
        CronSchedule both = CronSchedule.parse("0 0 */1 * FRI");

        // then: 2026-01-02 is a Friday, 2026-01-13 a Tuesday
        assertThat(starts(either, "2026-01-01T00:00:00Z", ZoneOffset.UTC, 3))
                .containsExactly(at("2026-01-02T00:00:00Z"), at("2026-01-09T00:00:00Z"), at("2026-01-13T00:00:00Z"));
        assertThat(starts(both, "2026-01-01T00:00:00Z", ZoneOffset.UTC, 2))
                .containsExactly(at("2026-01-02T00:00:00Z"), at("2026-01-09T00:00:00Z"));
    }

    @Test
    void shortcutsStandForTheirFiveFields() {
        assertThat(CronSchedule.parse("@hourly").nextStart(at("2026-01-01T10:15:00Z"), ZoneOffset.UTC))
                .contains(at("2026-01-01T11:00:00Z"));
        assertThat(CronSchedule.parse("@daily").nextStart(at("2026-01-01T10:15:00Z"), ZoneOffset.UTC))
                .contains(at("2026-01-02T00:00:00Z"));
        assertThat(CronSchedule.parse("@weekly").nextStart(at("2026-01-01T10:15:00Z"), ZoneOffset.UTC))
                .contains(at("2026-01-04T00:00:00Z"));
        assertThat(CronSchedule.parse("@monthly").nextStart(at("2026-01-01T10:15:00Z"), ZoneOffset.UTC))
                .contains(at("2026-02-01T00:00:00Z"));
        assertThat(CronSchedule.parse("@yearly").nextStart(at("2026-01-01T10:15:00Z"), ZoneOffset.UTC))
                .contains(at("2027-01-01T00:00:00Z"));
    }

    @Test
    void theNextStartIsStrictlyAfterTheGivenInstant() {
        CronSchedule schedule = CronSchedule.parse("0 22 * * *");

        assertThat(schedule.nextStart(at("2026-01-01T22:00:00Z"), ZoneOffset.UTC)).contains(at("2026-01-02T22:00:00Z"));
        assertThat(schedule.nextStart(at("2026-01-01T21:59:59.999Z"), ZoneOffset.UTC))
                .contains(at("2026-01-01T22:00:00Z"));
    }

    @Test
    void theScheduleReadsTheWallClockOfItsZone() {
        assertThat(CronSchedule.parse("0 22 * * *").nextStart(at("2026-01-01T00:00:00Z"), BERLIN))
                .contains(at("2026-01-01T21:00:00Z"));
        assertThat(CronSchedule.parse("0 22 * * *").nextStart(at("2026-07-01T00:00:00Z"), BERLIN))
                .contains(at("2026-07-01T20:00:00Z"));
    }

    @Test
    void aStartInTheSpringForwardGapIsSkippedThatDayInBerlin() {
        // given: on 2026-03-29 Berlin's clocks jump from 02:00 CET to 03:00 CEST, so 02:30 does not exist
        CronSchedule schedule = CronSchedule.parse("30 2 * * *");

        // then
        assertThat(starts(schedule, "2026-03-28T00:00:00Z", BERLIN, 2))
                .containsExactly(at("2026-03-28T01:30:00Z"), at("2026-03-30T00:30:00Z"));
    }

    @Test
    void aStartInTheFallBackOverlapHappensAtBothInstantsInBerlin() {
        // given: on 2026-10-25 Berlin's clocks go back from 03:00 CEST to 02:00 CET, so 02:30 happens twice
        CronSchedule schedule = CronSchedule.parse("30 2 * * *");

        // then
        assertThat(starts(schedule, "2026-10-24T12:00:00Z", BERLIN, 3))
                .containsExactly(at("2026-10-25T00:30:00Z"), at("2026-10-25T01:30:00Z"), at("2026-10-26T01:30:00Z"));
    }

    @Test
    void hourlyStartsKeepToRealHoursAcrossBothChangesInBerlin() {
        CronSchedule hourly = CronSchedule.parse("0 * * * *");

        assertThat(starts(hourly, "2026-03-28T23:30:00Z", BERLIN, 3))
                .containsExactly(at("2026-03-29T00:00:00Z"), at("2026-03-29T01:00:00Z"), at("2026-03-29T02:00:00Z"));
        assertThat(starts(hourly, "2026-10-24T23:30:00Z", BERLIN, 3))
                .containsExactly(at("2026-10-25T00:00:00Z"), at("2026-10-25T01:00:00Z"), at("2026-10-25T02:00:00Z"));
    }

    @Test
    void aStartInTheSpringForwardGapIsSkippedInNewYork() {
        // given: on 2026-03-08 New York's clocks jump from 02:00 EST to 03:00 EDT
        CronSchedule schedule = CronSchedule.parse("30 2 * * *");

        // then
        assertThat(starts(schedule, "2026-03-07T12:00:00Z", NEW_YORK, 2))
                .containsExactly(at("2026-03-09T06:30:00Z"), at("2026-03-10T06:30:00Z"));
    }

    @Test
    void aStartInTheFallBackOverlapHappensTwiceInNewYork() {
        // given: on 2026-11-01 New York's clocks go back from 02:00 EDT to 01:00 EST, so 01:30 happens twice
        CronSchedule schedule = CronSchedule.parse("30 1 * * *");

        // then
        assertThat(starts(schedule, "2026-10-31T12:00:00Z", NEW_YORK, 3))
                .containsExactly(at("2026-11-01T05:30:00Z"), at("2026-11-01T06:30:00Z"), at("2026-11-02T06:30:00Z"));
    }

    @Test
    void theTwentyNinthOfFebruaryWaitsForALeapYear() {
        assertThat(CronSchedule.parse("0 0 29 2 *").nextStart(at("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .contains(at("2028-02-29T00:00:00Z"));
    }

    @Test
    void errorsNameTheScheduleAndTheField() {
        assertThatThrownBy(() -> CronSchedule.parse("61 * * * *")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schedule '61 * * * *': minute field '61': 61 is outside 0-59");
        assertThatThrownBy(() -> CronSchedule.parse("0 24 * * *")).hasMessageContaining("hour field '24'");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 0 * *")).hasMessageContaining("day-of-month field '0'");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 * FOO *")).hasMessageContaining("month field 'FOO'")
                .hasMessageContaining("JAN");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 * * 7")).hasMessageContaining("day-of-week field '7'")
                .hasMessageContaining("outside 0-6");
        assertThatThrownBy(() -> CronSchedule.parse("*/0 * * * *")).hasMessageContaining("minute field '*/0'")
                .hasMessageContaining("step 0");
        assertThatThrownBy(() -> CronSchedule.parse("5-1 * * * *")).hasMessageContaining("starts after it ends");
        assertThatThrownBy(() -> CronSchedule.parse("1,,2 * * * *")).hasMessageContaining("empty list entry");
    }

    @Test
    void aScheduleOfTheWrongShapeOrThatNeverStartsIsRefused() {
        assertThatThrownBy(() -> CronSchedule.parse("0 22 * *")).hasMessageContaining("expected 5 fields")
                .hasMessageContaining("found 4");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 0 22 * * *")).hasMessageContaining("found 7");
        assertThatThrownBy(() -> CronSchedule.parse("@every 1h")).hasMessageContaining("unknown shortcut");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 31 2,4 *")).hasMessageContaining("never starts");
    }

    static List<Instant> starts(CronSchedule schedule, String after, ZoneId zone, int count) {
        List<Instant> starts = new ArrayList<>();
        Instant t = at(after);
        for (int i = 0; i < count; i++) {
            Optional<Instant> next = schedule.nextStart(t, zone);
            assertThat(next).as("start %d after %s", i + 1, t).isPresent();
            t = next.get();
            starts.add(t);
        }
        return starts;
    }

    static Instant at(String text) {
        return Instant.parse(text);
    }
}
