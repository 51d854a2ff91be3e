package io.gitops4j.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class CronSchedulePropertiesTest {
    private static final List<Field> MINUTES = List.of(new Field("*", m -> true), new Field("0", m -> m == 0),
            new Field("*/15", m -> m % 15 == 0), new Field("5,35", m -> m == 5 || m == 35),
            new Field("10-20/5", m -> m == 10 || m == 15 || m == 20));
    private static final List<Field> HOURS = List.of(new Field("*", h -> true), new Field("2", h -> h == 2),
            new Field("1-3", h -> h >= 1 && h <= 3), new Field("*/6", h -> h % 6 == 0), new Field("22", h -> h == 22));
    private static final List<Field> DAYS_OF_MONTH = List.of(new Field("*", d -> true), new Field("13", d -> d == 13),
            new Field("1-15", d -> d <= 15), new Field("*/2", d -> d % 2 == 1));
    private static final List<Field> DAYS_OF_WEEK = List.of(new Field("*", d -> true),
            new Field("MON-FRI", d -> d >= 1 && d <= 5), new Field("0", d -> d == 0), new Field("sat,sun",
                    d -> d == 0 || d == 6));
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"));

    @Test
    void theNextStartIsTheFirstWholeMinuteAfterWhoseWallClockTimeMatches() {
        qt().withExamples(300).forAll(schedules(), Generate.pick(ZONES), integers().between(0, 365 * 24 * 60))
                .checkAssert((spec, zone, minuteOfYear) -> {
                    // given
                    Instant after = Instant.parse("2026-01-01T00:00:30Z").plus(minuteOfYear, ChronoUnit.MINUTES);
                    CronSchedule schedule = CronSchedule.parse(spec.text());

                    // when
                    Instant next = schedule.nextStart(after, zone).orElseThrow();

                    // then: every whole minute before it fails to match, and it matches
                    Instant t = after.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
                    for (; t.isBefore(next); t = t.plus(1, ChronoUnit.MINUTES)) {
                        assertThat(spec.matches(t, zone)).as("%s in %s at %s", spec.text(), zone, t).isFalse();
                    }
                    assertThat(spec.matches(next, zone)).as("%s in %s at %s", spec.text(), zone, next).isTrue();
                });
    }

    private static Gen<Spec> schedules() {
        return Generate.pick(MINUTES).zip(Generate.pick(HOURS), Generate.pick(DAYS_OF_MONTH),
                Generate.pick(DAYS_OF_WEEK), Spec::new);
    }

    private record Field(String text, IntPredicate matches) {
    }

    /* A schedule with an independent reading of when it matches: the brute force the matcher is checked against. */
    private record Spec(Field minute, Field hour, Field dayOfMonth, Field dayOfWeek) {
        String text() {
            return minute.text + " " + hour.text + " " + dayOfMonth.text + " * " + dayOfWeek.text;
        }

        boolean matches(Instant t, ZoneId zone) {
            LocalDateTime local = LocalDateTime.ofInstant(t, zone);
            boolean dom = dayOfMonth.matches.test(local.getDayOfMonth());
            boolean dow = dayOfWeek.matches.test(local.getDayOfWeek().getValue() % 7);
            boolean eitherDay = !dayOfMonth.text.startsWith("*") && !dayOfWeek.text.startsWith("*");
            return minute.matches.test(local.getMinute()) && hour.matches.test(local.getHour())
                    && (eitherDay ? dom || dow : dom && dow);
        }
    }
}
