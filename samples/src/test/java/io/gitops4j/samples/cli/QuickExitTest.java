package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class QuickExitTest {
    @Test
    void endsTheSelectorThreadOfALiveJdkHttpClient() {
        HttpClient client = HttpClient.newHttpClient();
        assertThat(selectorThreadsAlive()).as("a JDK HTTP client starts a selector thread").isPositive();

        int ended = QuickExit.endSelectorThreads();

        assertThat(ended).isPositive();
        assertThat(selectorThreadsAlive()).isZero();
        assertThat(client).isNotNull();
    }

    @Test
    void endsNothingWhenNoClientIsOpen() {
        QuickExit.endSelectorThreads();

        assertThat(QuickExit.endSelectorThreads()).isZero();
    }

    private static long selectorThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().matches("HttpClient-\\d+-SelectorManager")).count();
    }
}
