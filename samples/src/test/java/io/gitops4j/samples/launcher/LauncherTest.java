package io.gitops4j.samples.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gitops4j launcher: which JVM options and archive it starts the jar with, and how gitops4j cds records one. */
class LauncherTest {
    @TempDir
    Path temp;

    @BeforeEach
    void needsAShell() {
        assumeTrue(LauncherInstall.shellAvailable(), "bash is not installed; the launcher tests need it");
    }

    @Test
    void withoutAnArchiveTheJarStillRunsWithTheShortLivedToolOptions() throws Exception {
        // given
        LauncherInstall install = LauncherInstall.of(temp, "17.0.15", false);

        // when
        LauncherInstall.Result run = install.run(Map.of(), "plan", "--dir", "manifests");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.javaArguments()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                install.jar.toString(), "plan", "--dir", "manifests");
    }

    @Test
    void anArchiveMadeForThisJavaIsUsedAndItsWarningsSilenced() throws Exception {
        // given
        LauncherInstall install = LauncherInstall.of(temp, "17.0.15", false);
        Path archive = install.archive("gitops4j-java17.0.15.jsa");

        // when
        LauncherInstall.Result run = install.run(Map.of(), "apply");

        // then
        assertThat(run.javaArguments()).contains("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off")
                .endsWith("-jar", install.jar.toString(), "apply");
    }

    @Test
    void javaTwentyFiveAndLaterUseTheAotCache() throws Exception {
        // given
        LauncherInstall install = LauncherInstall.of(temp, "25.0.3", false);
        Path cache = install.archive("gitops4j-java25.0.3.aot");
        install.archive("gitops4j-java17.0.15.jsa");

        // when
        LauncherInstall.Result run = install.run(Map.of(), "apply");

        // then
        assertThat(run.javaArguments()).contains("-XX:AOTCache=" + cache, "-Xlog:aot=off")
                .noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void anArchiveOfAnotherJavaVersionOrOlderThanTheJarIsIgnored() throws Exception {
        // given
        LauncherInstall install = LauncherInstall.of(temp, "17.0.16", false);
        install.archive("gitops4j-java17.0.15.jsa");
        LauncherInstall stale = LauncherInstall.of(temp.resolve("stale"), "17.0.15", false);
        Path old = stale.archive("gitops4j-java17.0.15.jsa");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));

        // when
        LauncherInstall.Result otherVersion = install.run(Map.of(), "apply");
        LauncherInstall.Result olderThanJar = stale.run(Map.of(), "apply");

        // then
        assertThat(otherVersion.javaArguments()).noneMatch(argument -> argument.contains("SharedArchiveFile"));
        assertThat(olderThanJar.javaArguments()).noneMatch(argument -> argument.contains("SharedArchiveFile"));
    }

    @Test
    void cdsOffIgnoresTheArchiveAndExtraOptionsAreAdded() throws Exception {
        // given
        LauncherInstall install = LauncherInstall.of(temp, "17.0.15", false);
        install.archive("gitops4j-java17.0.15.jsa");

        // when
        LauncherInstall.Result run = install.run(Map.of("GITOPS4J_CDS", "off", "GITOPS4J_JAVA_OPTS", "-Xmx256m -Dx=1"),
                "apply");

        // then
        assertThat(run.javaArguments()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-Dx=1", "-jar", install.jar.toString(), "apply");
    }

    @Test
    void longRunningCommandsKeepTheDefaultCompilersAndCollector() throws Exception {
        // given
        LauncherInstall install = LauncherInstall.of(temp, "17.0.15", false);

        // when
        LauncherInstall.Result run = install.run(Map.of(), "watch", "--dir", "manifests");

        // then
        assertThat(run.javaArguments()).containsExactly("-jar", install.jar.toString(), "watch", "--dir", "manifests");
    }

    @Test
    void aLauncherReachedThroughASymlinkStartsTheJarBesideItsTarget() throws Exception {
        // given
        LauncherInstall install = LauncherInstall.of(temp, "17.0.15", false);
        Path archive = install.archive("gitops4j-java17.0.15.jsa");
        Path link = Files.createSymbolicLink(Files.createDirectories(temp.resolve("bin")).resolve("gitops4j"),
                install.folder.resolve("gitops4j"));

        // when
        LauncherInstall.Result run = install.run(link, Map.of(), "apply");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.javaArguments()).contains("-XX:SharedArchiveFile=" + archive)
                .endsWith("-jar", install.jar.toString(), "apply");
    }

    @Test
    void cdsRecordsAnArchiveNamedForTheJavaVersionFromATrainingRun() throws Exception {
        // given
        LauncherInstall install = LauncherInstall.of(temp, "17.0.15", false);

        // when
        LauncherInstall.Result run = install.run(Map.of(), "cds");

        // then
        Path archive = install.folder.resolve("gitops4j-java17.0.15.jsa");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("class-data archive for java 17.0.15: " + archive);
        assertThat(archive).exists();
        assertThat(run.javaArguments()).first().asString().startsWith("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(run.javaArguments()).endsWith("-jar", install.jar.toString(), "training-run");
        try (var files = Files.list(install.folder)) {
            assertThat(files).noneMatch(file -> file.getFileName().toString().contains("partial"));
        }
    }

    @Test
    void aFailedTrainingRunLeavesNoArchive() throws Exception {
        // given
        LauncherInstall install = LauncherInstall.of(temp, "25.0.3", true);

        // when
        LauncherInstall.Result run = install.run(Map.of(), "cds");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("error: the training run failed; no archive written");
        try (var files = Files.list(install.folder)) {
            assertThat(files).noneMatch(file -> file.getFileName().toString().contains(".aot"));
        }
    }
}
