package io.gitops4j.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.ManifestException;
import io.gitops4j.SourceException;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.source.DirectorySource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated real manifests through the loader and the folder source: every file either loads or is rejected with a
 * {@link ManifestException} naming the file (and its line where the problem has one); never another exception, an
 * error such as {@link StackOverflowError} or {@link OutOfMemoryError}, or a hang; no message or cause of a rejection
 * holds a piece of a Secret value. Runs {@code gitops4j.fuzz.cases} cases with the fixed seed and as many with a
 * random one; a failure names the seed and case that reproduce it.
 */
class LoaderFuzzTest {
    private static final long CASE_TIMEOUT_SECONDS = 20;
    private static final int SOURCE_EVERY = 25;

    private final ManifestLoader loader = ManifestLoader.defaults();
    private ExecutorService worker = Executors.newSingleThreadExecutor(daemon());

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void everyMutatedManifestLoadsOrIsRejectedWithATypedErrorThatNamesTheFileAndLeaksNoSecret() {
        // given the fixed seed and a random one
        ProbeSettings settings = ProbeSettings.of("fuzz", 1500, 20261203L);

        // when every case of both runs is parsed
        FuzzTally fixed = run(settings, settings.seed());
        FuzzTally random = run(settings, settings.randomSeed());

        // then no case broke a rule
        FuzzTally all = fixed.plus(random);
        ProbeReport.print("loader fuzz", all.cases, all.failures.size(), all.figures());
        assertThat(fixed.failures).as("fixed seed: reproduce with %s", settings.reproduce(settings.seed()))
                .isEmpty();
        assertThat(random.failures).as("random seed: reproduce with %s", settings.reproduce(settings.randomSeed()))
                .isEmpty();
        assertThat(all.rejected).as("the mutations reject some files").isPositive();
        assertThat(all.loaded).as("and leave some loadable").isPositive();
    }

    @Test
    void aFiftyMegabyteFileIsRejectedByItsSizeAndAFileUnderTheLimitLoads() {
        // given a 50 MB file of ConfigMaps and a 6 MB one
        byte[] huge = configMaps(50L * 1024 * 1024);
        byte[] large = configMaps(6L * 1024 * 1024);

        // when both are parsed
        Outcome hugeOutcome = parse("huge.yaml", huge);
        Outcome largeOutcome = parse("large.yaml", large);

        // then the huge one is refused by name and size, the large one loads
        assertThat(hugeOutcome.error()).isInstanceOf(ManifestException.class)
                .hasMessageContaining("huge.yaml").hasMessageContaining("over the limit");
        assertThat(largeOutcome.error()).isNull();
        assertThat(largeOutcome.loaded()).isGreaterThan(10_000);
    }

    private FuzzTally run(ProbeSettings settings, long seed) {
        Random random = new Random(seed);
        ManifestMutator mutator = new ManifestMutator(random);
        FuzzTally tally = new FuzzTally();
        for (int i = 0; i < settings.cases(); i++) {
            boolean json = random.nextInt(8) == 0;
            String base = json ? ManifestCorpus.JSON_SECRET
                    : ManifestCorpus.YAML.get(random.nextInt(ManifestCorpus.YAML.size()));
            ManifestMutator.Mutant mutant = mutator.mutate(base);
            String path = "apps/case-" + i + (json ? ".json" : ".yaml");
            Outcome outcome = i % SOURCE_EVERY == 0 ? loadFolder(path, mutant.content()) : parse(path, mutant.content());
            String broken = outcome.broken(path);
            tally.count(mutant.mutation(), outcome);
            if (broken != null) {
                tally.failures.add("seed " + seed + " case " + i + " (" + mutant.mutation() + "): " + broken);
            }
        }
        return tally;
    }

    private Outcome parse(String path, byte[] content) {
        return bounded(() -> loader.parse(path, content).size());
    }

    private Outcome loadFolder(String path, byte[] content) {
        try {
            Path root = Files.createTempDirectory(folder, "source");
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            Files.writeString(root.resolve("apps/good.yaml"), ManifestCorpus.DEPLOYMENT, UTF_8);
            return bounded(() -> DirectorySource.of(root).load().resources().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outcome bounded(java.util.concurrent.Callable<Integer> work) {
        Future<Integer> future = worker.submit(work);
        try {
            return new Outcome(future.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS), null, false);
        } catch (ExecutionException e) {
            return new Outcome(0, e.getCause(), false);
        } catch (TimeoutException e) {
            future.cancel(true);
            worker.shutdownNow();
            worker = Executors.newSingleThreadExecutor(daemon());
            return new Outcome(0, null, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] configMaps(long bytes) {
        StringBuilder text = new StringBuilder((int) bytes + 512);
        for (int i = 0; text.length() < bytes; i++) {
            text.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-").append(i)
                    .append("\n  namespace: shop\ndata:\n  key: value-").append(i).append("\n---\n");
        }
        return text.toString().getBytes(UTF_8);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "loader-fuzz");
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What one case did: resources loaded, or the error, or a hang. */
    record Outcome(int loaded, Throwable error, boolean hung) {
        /** Returns why the outcome breaks a rule, or {@code null}. */
        String broken(String path) {
            if (hung) {
                return "no answer within " + CASE_TIMEOUT_SECONDS + " s";
            }
            if (error == null) {
                return null;
            }
            if (!(error instanceof SourceException)) {
                return "untyped " + stackTrace(error);
            }
            if (!error.getMessage().contains(path.substring(path.indexOf('/') + 1))) {
                return "does not name the file: " + error.getMessage();
            }
            String leak = ManifestCorpus.leakIn(stackTrace(error));
            return leak == null ? null : "leaks '" + leak + "' of a secret: " + stackTrace(error);
        }

        boolean withoutLine() {
            return error instanceof ManifestException manifest && manifest.line() <= 0;
        }
    }

    /** Counts of one run. */
    static final class FuzzTally {
        int cases;
        int loaded;
        int rejected;
        int withoutLine;
        final Map<String, Integer> mutations = new LinkedHashMap<>();
        final List<String> failures = new ArrayList<>();

        void count(String mutation, Outcome outcome) {
            cases++;
            mutations.merge(mutation.split("\\+")[0], 1, Integer::sum);
            if (outcome.error() == null && !outcome.hung()) {
                loaded++;
            } else {
                rejected++;
            }
            if (outcome.withoutLine()) {
                withoutLine++;
            }
        }

        FuzzTally plus(FuzzTally other) {
            FuzzTally sum = new FuzzTally();
            sum.cases = cases + other.cases;
            sum.loaded = loaded + other.loaded;
            sum.rejected = rejected + other.rejected;
            sum.withoutLine = withoutLine + other.withoutLine;
            sum.failures.addAll(failures);
            sum.failures.addAll(other.failures);
            mutations.forEach((k, v) -> sum.mutations.merge(k, v, Integer::sum));
            other.mutations.forEach((k, v) -> sum.mutations.merge(k, v, Integer::sum));
            return sum;
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("loaded", loaded);
            figures.put("rejected", rejected);
            figures.put("rejected without a line", withoutLine);
            figures.put("untyped/hangs/leaks", failures.size());
            figures.put("mutation kinds", mutations.size());
            return figures;
        }
    }

    static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
