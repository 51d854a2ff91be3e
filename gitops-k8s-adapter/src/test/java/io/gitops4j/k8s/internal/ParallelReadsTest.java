package io.gitops4j.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How {@link ParallelReads} runs reads at once and still answers as a loop over them would. */
class ParallelReadsTest {

    @Test
    void resultsComeInTheOrderOfTheInputsWhateverOrderTheReadsFinishIn() {
        CountDownLatch lastDone = new CountDownLatch(1);
        try (ParallelReads reads = ParallelReads.upTo(4)) {
            List<String> results = reads.each(List.of("a", "b", "c"), input -> {
                if (input.equals("a")) {
                    await(lastDone); // the first read finishes only after the last one did
                } else if (input.equals("c")) {
                    lastDone.countDown();
                }
                return input.toUpperCase();
            });

            assertThat(results).containsExactly("A", "B", "C");
        }
    }

    @Test
    void theFailureOfTheFirstFailingReadInInputOrderIsThrownAfterEveryReadRan() {
        Set<String> ran = ConcurrentHashMap.newKeySet();
        CountDownLatch secondFailed = new CountDownLatch(1);
        try (ParallelReads reads = ParallelReads.upTo(3)) {
            assertThatThrownBy(() -> reads.each(List.of("ok", "first", "second"), input -> {
                ran.add(input);
                if (input.equals("second")) {
                    secondFailed.countDown();
                    throw new IllegalStateException("second failed");
                }
                if (input.equals("first")) {
                    await(secondFailed); // fails after the later input's read already failed
                    throw new IllegalArgumentException("first failed");
                }
                return input;
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("first failed");
        }

        assertThat(ran).containsExactlyInAnyOrder("ok", "first", "second");
    }

    @Test
    void sequentialReadsRunOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        try (ParallelReads reads = ParallelReads.sequential()) {
            assertThat(reads.each(List.of(1, 2, 3), input -> Thread.currentThread() == caller))
                    .containsExactly(true, true, true);
        }
    }

    @Test
    void closedReadsStillAnswerOneAfterTheOther() {
        ParallelReads reads = ParallelReads.upTo(4);
        reads.close();

        assertThat(reads.each(List.of(1, 2), input -> input * 10)).containsExactly(10, 20);
    }

    @Test
    void aConcurrencyBelowOneIsRefused() {
        assertThatThrownBy(() -> ParallelReads.upTo(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other read never ran");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
