package io.gitops4j.k8s;

import io.gitops4j.loop.Drift;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.StepResult;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The texts of the Events: they name the application, the resource, the revision and field paths, never values.
 * The target's error of a failed step is kept for kinds other than Secret with every quoted string masked
 * (API server errors quote the values they reject) and cut to a bounded length; for a Secret it is left out.
 */
final class EventMessages {
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");
    private static final int MAX_DETAIL = 400;
    private static final int MAX_PATHS = 5;

    private EventMessages() {
    }

    static String applied(String application, String revision, StepResult step) {
        return "Applied (" + step.action().name().toLowerCase(Locale.ROOT) + ") by application " + application
                + " at revision " + revision;
    }

    static String pruned(String application, String revision, StepResult step) {
        return "Pruned by application " + application + ": " + step.key() + " is no longer declared at revision "
                + revision;
    }

    static String failed(String application, String revision, StepResult step) {
        String what = step.action() == io.gitops4j.diff.ChangeType.DELETE ? "Prune" : "Apply";
        return what + " of " + step.key() + " failed for application " + application + " at revision " + revision
                + ": " + detail(step);
    }

    static String inSync(String application, String revision, int resources) {
        return "Application " + application + " is in sync with revision " + revision + " (" + resources
                + " resources)";
    }

    static String timedOut(String application, String revision, String at) {
        return "A run of application " + application + " at revision " + revision + " passed its deadline while "
                + at + "; the remaining steps were skipped and nothing was pruned";
    }

    static String drifted(String application, String revision, Drift drift, boolean corrected) {
        List<String> paths = drift.paths();
        String where = paths.isEmpty() ? "the whole object"
                : String.join(", ", paths.subList(0, Math.min(MAX_PATHS, paths.size())))
                        + (paths.size() > MAX_PATHS ? " and " + (paths.size() - MAX_PATHS) + " more" : "");
        return "Drifted from revision " + revision + " of application " + application + " ("
                + drift.action().name().toLowerCase(Locale.ROOT) + " at " + where + "); "
                + (corrected ? "corrected by self-heal" : "reported only, self-heal is off");
    }

    private static String detail(StepResult step) {
        if (isSecret(step.key())) {
            return "details are withheld for Secrets; see the application's reconcile result";
        }
        String masked = QUOTED.matcher(step.message()).replaceAll("\"***\"");
        return masked.length() <= MAX_DETAIL ? masked : masked.substring(0, MAX_DETAIL) + "...";
    }

    static boolean isSecret(ResourceKey key) {
        return key.group().isEmpty() && key.kind().equals("Secret");
    }
}
