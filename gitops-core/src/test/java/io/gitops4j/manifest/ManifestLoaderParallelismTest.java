package io.gitops4j.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.ManifestException;
import io.gitops4j.model.DesiredState;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestLoaderParallelismTest {
    private static SortedMap<String, byte[]> configMaps(int count) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("cm-%03d", i);
            files.put(name + ".yaml", ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name
                    + "\ndata:\n  n: \"" + i + "\"\n").getBytes(UTF_8));
        }
        return files;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void loadsTheSameStateWhateverTheParallelism(int threads) {
        SortedMap<String, byte[]> files = configMaps(100);
        DesiredState sequential = ManifestLoader.builder().parallelism(1).build().load("r", files);

        DesiredState parallel = ManifestLoader.builder().parallelism(threads).build().load("r", files);

        assertThat(parallel).isEqualTo(sequential);
        assertThat(parallel.revision().digest()).isEqualTo(sequential.revision().digest());
        assertThat(parallel.resources().values()).extracting(r -> r.provenance().path())
                .containsExactlyElementsOf(files.keySet());
    }

    @Test
    void reportsTheFirstInvalidFileInPathOrderWhenParsingInParallel() {
        SortedMap<String, byte[]> files = configMaps(80);
        files.put("cm-010.yaml", "kind: [unclosed\n".getBytes(UTF_8));
        files.put("cm-070.yaml", "apiVersion: v1\n".getBytes(UTF_8));
        ManifestLoader loader = ManifestLoader.builder().parallelism(4).build();

        for (int run = 0; run < 20; run++) {
            assertThatThrownBy(() -> loader.load("r", files)).isInstanceOf(ManifestException.class)
                    .hasMessageContaining("cm-010.yaml").hasMessageContaining("line 2");
        }
    }

    @Test
    void handsHelpersToTheGivenExecutorOnlyWhenThereAreEnoughFiles() {
        List<Runnable> submitted = new ArrayList<>();
        Executor recording = task -> {
            submitted.add(task);
            task.run();
        };
        ManifestLoader loader = ManifestLoader.builder().parallelism(4).executor(recording).build();

        loader.load("r", configMaps(3));
        assertThat(submitted).isEmpty();

        loader.load("r", configMaps(100));
        assertThat(submitted).hasSize(3);
    }

    @Test
    void parsesOnTheCallingThreadAloneWithParallelismOne() {
        List<Runnable> submitted = new ArrayList<>();
        ManifestLoader loader = ManifestLoader.builder().parallelism(1).executor(submitted::add).build();

        DesiredState state = loader.load("r", configMaps(100));

        assertThat(state.size()).isEqualTo(100);
        assertThat(submitted).isEmpty();
    }

    @Test
    void finishesOnTheCallingThreadWhenTheExecutorRejectsOrNeverRunsHelpers() {
        List<Runnable> neverRun = new ArrayList<>();
        ManifestLoader rejecting = ManifestLoader.builder().parallelism(4).executor(task -> {
            throw new RejectedExecutionException("shut down");
        }).build();
        ManifestLoader idle = ManifestLoader.builder().parallelism(4).executor(neverRun::add).build();
        DesiredState expected = ManifestLoader.builder().parallelism(1).build().load("r", configMaps(100));

        assertThat(rejecting.load("r", configMaps(100))).isEqualTo(expected);
        assertThat(idle.load("r", configMaps(100))).isEqualTo(expected);

        neverRun.forEach(Runnable::run); // a helper that starts late finds nothing left to do
    }

    @Test
    void loadsWhileTheCommonForkJoinPoolIsBlocked() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> blockers = new ArrayList<>();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < ForkJoinPool.getCommonPoolParallelism(); i++) {
                blockers.add(ForkJoinPool.commonPool().submit(() -> {
                    release.await();
                    return null;
                }));
            }

            Future<DesiredState> load = caller.submit(() -> ManifestLoader.builder().parallelism(4).build()
                    .load("r", configMaps(100)));

            assertThat(load.get(30, TimeUnit.SECONDS).size()).isEqualTo(100);
        } finally {
            release.countDown();
            caller.shutdownNow();
        }
        for (Future<?> blocker : blockers) {
            blocker.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void leavesNoParsingThreadRunningAfterALoad() throws Exception {
        ManifestLoader.builder().parallelism(4).build().load("r", configMaps(100));

        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("gitops4j-manifest-parse-")) {
                assertThat(thread.isDaemon()).isTrue();
                thread.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(thread.isAlive()).as(thread.getName()).isFalse();
            }
        }
    }

    @Test
    void rejectsAParallelismBelowOne() {
        assertThatThrownBy(() -> ManifestLoader.builder().parallelism(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism");
    }
}
