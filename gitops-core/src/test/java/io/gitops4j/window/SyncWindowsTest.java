package io.gitops4j.window;

import static io.gitops4j.window.CronScheduleTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncWindowsTest {
    private static final SyncWindow NIGHT_DENY = SyncWindow.builder().deny().schedule("0 22 * * *").duration("8h")
            .applications("shop-*").build();
    private static final SyncWindow DAY_ALLOW = SyncWindow.builder().allow().schedule("0 9 * * MON-FRI")
            .duration("8h").applications("shop-*").build();
    private static final Instant THURSDAY_NOON = at("2026-01-01T12:00:00Z");
    private static final Instant THURSDAY_NIGHT = at("2026-01-01T23:00:00Z");

    @Test
    void withoutMatchingWindowsEverySyncRuns() {
        SyncWindows windows = SyncWindows.of(List.of(NIGHT_DENY, DAY_ALLOW));

        assertThat(windows.check("billing", THURSDAY_NIGHT, false).allowed()).isTrue();
        assertThat(SyncWindows.none().check("shop-web", THURSDAY_NIGHT, false).allowed()).isTrue();
    }

    @Test
    void anActiveDenyWindowBlocksUntilItEnds() {
        // when
        WindowCheck check = SyncWindows.of(List.of(NIGHT_DENY)).check("shop-web", THURSDAY_NIGHT, false);

        // then
        assertThat(check.allowed()).isFalse();
        assertThat(check.blockedBy()).containsExactly(NIGHT_DENY);
        assertThat(check.until()).contains(at("2026-01-02T06:00:00Z"));
        assertThat(check.message())
                .isEqualTo("blocked by window deny '0 22 * * *' for 8h in UTC until 2026-01-02T06:00:00Z");
    }

    @Test
    void denyBeatsAnActiveAllow() {
        // given: an allow window that is active all Thursday evening, and the night deny
        SyncWindow evening = SyncWindow.builder().allow().schedule("0 18 * * *").duration("6h").applications("*")
                .build();

        // when
        WindowCheck check = SyncWindows.of(List.of(evening, NIGHT_DENY)).check("shop-web", THURSDAY_NIGHT, false);

        // then: blocked until the deny ends, though the allow ended before that
        assertThat(check.blockedBy()).containsExactly(NIGHT_DENY);
        assertThat(check.until()).contains(at("2026-01-02T18:00:00Z"));
    }

    @Test
    void matchingAllowWindowsMeanSyncsOnlyWhileOneIsActive() {
        // given
        SyncWindows windows = SyncWindows.of(List.of(DAY_ALLOW));

        // when
        WindowCheck noon = windows.check("shop-web", THURSDAY_NOON, false);
        WindowCheck night = windows.check("shop-web", THURSDAY_NIGHT, false);
        WindowCheck fridayNight = windows.check("shop-web", at("2026-01-02T20:00:00Z"), false);

        // then: the next opening after Friday night is Monday 09:00
        assertThat(noon.allowed()).isTrue();
        assertThat(night.blockedBy()).containsExactly(DAY_ALLOW);
        assertThat(night.until()).contains(at("2026-01-02T09:00:00Z"));
        assertThat(fridayNight.until()).contains(at("2026-01-05T09:00:00Z"));
    }

    @Test
    void anOpeningNeedsTheDenyEndedAndAnAllowActive() {
        // given: the deny ends at 06:00, the allow opens at 09:00
        SyncWindows windows = SyncWindows.of(List.of(NIGHT_DENY, DAY_ALLOW));

        // then
        assertThat(windows.check("shop-web", THURSDAY_NIGHT, false).until()).contains(at("2026-01-02T09:00:00Z"));
    }

    @Test
    void manualSyncPassesOnlyWhenEveryBlockingWindowAllowsIt() {
        // given
        SyncWindow lenientDeny = SyncWindow.builder().deny()
                .schedule("0 23 * * *").duration("1h").applications("*").manualSync(true).build();
        SyncWindows lenient = SyncWindows.of(List.of(lenientDeny));
        SyncWindows strictAndLenient = SyncWindows.of(List.of(lenientDeny, NIGHT_DENY));

        // then
        assertThat(lenient.check("shop-web", THURSDAY_NIGHT, true).allowed()).isTrue();
        assertThat(lenient.check("shop-web", THURSDAY_NIGHT, false).allowed()).isFalse();
        WindowCheck strict = strictAndLenient.check("shop-web", THURSDAY_NIGHT, true);
        assertThat(strict.allowed()).isFalse();
        assertThat(strict.blockedBy()).containsExactly(lenientDeny, NIGHT_DENY);
        assertThat(strict.until()).contains(at("2026-01-02T06:00:00Z"));
    }

    @Test
    void manualSyncOutsideAllowWindowsPassesWhenTheyAllowIt() {
        // given
        SyncWindow lenientAllow = SyncWindow.builder().allow().schedule("0 9 * * *").duration("1h")
                .applications("*").manualSync(true).build();

        // then
        assertThat(SyncWindows.of(List.of(lenientAllow)).check("shop-web", THURSDAY_NIGHT, true).allowed()).isTrue();
        assertThat(SyncWindows.of(List.of(lenientAllow, DAY_ALLOW)).check("shop-web", THURSDAY_NIGHT, true)
                .allowed()).isFalse();
    }

    @Test
    void aWindowThatNeverClosesHasNoOpening() {
        // given: a deny that restarts every minute and lasts an hour
        SyncWindow always = SyncWindow.builder().deny().schedule("* * * * *").duration("1h").applications("*")
                .build();

        // when
        WindowCheck check = SyncWindows.of(List.of(always)).check("shop-web", THURSDAY_NOON, false);

        // then
        assertThat(check.allowed()).isFalse();
        assertThat(check.until()).isEmpty();
        assertThat(check.message()).endsWith("with no opening in sight");
    }

    @Test
    void theOpeningFollowsTheWallClockAcrossSpringForwardInNewYork() {
        // given: a deny from 22:00 for 8h in New York; on 2026-03-08 the clocks jump forward at 02:00
        SyncWindow deny = SyncWindow.builder().deny().schedule("0 22 * * *").duration("8h")
                .timeZone("America/New_York").applications("*").build();
        SyncWindow allow = SyncWindow.builder().allow().schedule("0 7 * * *").duration("2h")
                .timeZone("America/New_York").applications("*").build();

        // when: Saturday 23:00 EST
        WindowCheck check = SyncWindows.of(List.of(deny, allow)).check("shop-web", at("2026-03-08T04:00:00Z"), false);

        // then: the deny ends 8 elapsed hours after 22:00 EST (03:00Z), at 07:00 EDT = 11:00Z, when the allow opens
        assertThat(check.until()).contains(at("2026-03-08T11:00:00Z"));
    }
}
