package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which subcommands a command line builds: only the one it names, all when it names none. */
class SubcommandsTest {

    @Test
    void aCommandLineThatNamesASubcommandBuildsOnlyThatOne() {
        assertThat(Subcommands.needed("apply", "--dir", "x", "--embedded")).containsExactly(ApplyCommand.class);
        assertThat(Subcommands.needed("--verbose", "--no-color", "plan", "--dir", "x"))
                .containsExactly(PlanCommand.class);
    }

    @Test
    void anAliasNamesItsSubcommand() {
        assertThat(Subcommands.needed("reconcile", "--dir", "x")).containsExactly(ApplyCommand.class);
    }

    @Test
    void aCommandLineThatNamesNoKnownSubcommandBuildsThemAll() {
        assertThat(Subcommands.needed()).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.needed("--help")).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.needed("aply", "--dir", "x")).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.needed("@arguments.txt")).isEqualTo(Subcommands.ALL);
    }

    @Test
    void theRootUsageStillListsEveryCommandAndAMisspeltOneIsAnError() {
        // when
        CliRun help = CliRun.of("--help");
        CliRun misspelt = CliRun.of("aply");

        // then
        assertThat(help.out()).contains("demo", "plan", "diff", "apply", "watch", "history", "status", "rollback",
                "embedded-api");
        assertThat(misspelt.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(misspelt.err()).contains("'aply'", "gitops4j --help");
    }

    @Test
    void aSubcommandBuiltAloneStillTakesTheInheritedOptionsAndDurations() {
        // when
        CliRun help = CliRun.of("apply", "--no-color", "--timeout", "30s", "--help");

        // then
        assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(help.out()).contains("--verbose", "--no-color", "--timeout");
    }
}
