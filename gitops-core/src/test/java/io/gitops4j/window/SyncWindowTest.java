package io.gitops4j.window;

import static io.gitops4j.window.CronScheduleTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncWindowTest {

    @Test
    void isActiveFromEachStartForItsDurationExcludingTheEnd() {
        // given
        SyncWindow window = SyncWindow.builder().deny().schedule("0 22 * * *").duration("8h").applications("*").build();

        // then
        assertThat(window.activeAt(at("2026-01-01T21:59:59Z"))).isFalse();
        assertThat(window.activeAt(at("2026-01-01T22:00:00Z"))).isTrue();
        assertThat(window.activeAt(at("2026-01-02T05:59:59Z"))).isTrue();
        assertThat(window.activeAt(at("2026-01-02T06:00:00Z"))).isFalse();
    }

    @Test
    void theDurationIsElapsedTimeAcrossAFallBack() {
        // given: 22:00 CEST on 2026-10-24 is 20:00Z; the clocks go back an hour during the window
        SyncWindow window = SyncWindow.builder().deny().schedule("0 22 * * *").duration("8h")
                .timeZone("Europe/Berlin").applications("*").build();

        // then: it ends 8 hours later, at 05:00 CET by the wall clock
        assertThat(window.activeAt(at("2026-10-24T20:00:00Z"))).isTrue();
        assertThat(window.activeAt(at("2026-10-25T03:59:00Z"))).isTrue();
        assertThat(window.activeAt(at("2026-10-25T04:00:00Z"))).isFalse();
    }

    @Test
    void nextChangeIsTheNextStartOrEnd() {
        // given
        SyncWindow window = SyncWindow.builder().allow().schedule("0 9 * * *").duration("1h30m").applications("*")
                .build();

        // then
        assertThat(window.nextChange(at("2026-01-01T08:00:00Z"))).contains(at("2026-01-01T09:00:00Z"));
        assertThat(window.nextChange(at("2026-01-01T09:00:00Z"))).contains(at("2026-01-01T10:30:00Z"));
        assertThat(window.nextChange(at("2026-01-01T10:30:00Z"))).contains(at("2026-01-02T09:00:00Z"));
    }

    @Test
    void appliesToApplicationsByNameOrWildcard() {
        // given
        SyncWindow window = SyncWindow.builder().deny().schedule("@daily").duration("1h")
                .applications("shop-*", "billing", "db-?").build();

        // then
        assertThat(window.appliesTo("shop-frontend")).isTrue();
        assertThat(window.appliesTo("shop-")).isTrue();
        assertThat(window.appliesTo("billing")).isTrue();
        assertThat(window.appliesTo("db-1")).isTrue();
        assertThat(window.appliesTo("db-12")).isFalse();
        assertThat(window.appliesTo("myshop-frontend")).isFalse();
        assertThat(window.appliesTo("billing.v2")).isFalse();
        assertThat(window.applications()).containsExactly("shop-*", "billing", "db-?");
    }

    @Test
    void durationsReadAsArgoCdWritesThem() {
        assertThat(WindowDuration.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(WindowDuration.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(WindowDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(WindowDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(WindowDuration.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(WindowDuration.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(WindowDuration.format(Duration.ofHours(8))).isEqualTo("8h");
        assertThat(WindowDuration.format(Duration.ofSeconds(45))).isEqualTo("45s");
    }

    @Test
    void badSettingsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> SyncWindow.builder().duration("1 hour")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration '1 hour'");
        assertThatThrownBy(() -> SyncWindow.builder().duration("0m")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> SyncWindow.builder().timeZone("Europe/Nowhere"))
                .hasMessageContaining("timeZone 'Europe/Nowhere'");
        assertThatThrownBy(() -> SyncWindow.builder().schedule("0 25 * * *")).hasMessageContaining("hour field");
        assertThatThrownBy(() -> SyncWindow.builder().applications(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> SyncWindow.builder().deny().schedule("@daily").duration("1h").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("applications");
        assertThatThrownBy(() -> SyncWindow.builder().schedule("@daily").duration("1h").applications("*").build())
                .hasMessageContaining("kind");
    }

    @Test
    void describesItselfForStatuses() {
        SyncWindow window = SyncWindow.builder().deny().schedule("0 22 * * *").duration("8h")
                .timeZone("Europe/Berlin").applications("*").manualSync(true).build();

        assertThat(window).hasToString("deny '0 22 * * *' for 8h in Europe/Berlin (manual sync allowed)");
    }
}
