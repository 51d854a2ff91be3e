package io.gitops4j.samples.cli;

/**
 * The tool's exit codes. {@code plan} and {@code diff} use them as {@code terraform plan -detailed-exitcode} does;
 * {@code diff --exit-code} as {@code kubectl diff} does (1 differences, 3 error).
 */
public final class ExitCodes {
    /** Success; for {@code plan} and {@code diff}: live state matches desired state. */
    public static final int OK = 0;
    /**
     * Any error: bad arguments, unreachable source or target, a failed step or one that {@code plan} foresees, not
     * healthy in time; for {@code diff --exit-code}: differences.
     */
    public static final int ERROR = 1;
    /** {@code plan} and {@code diff}: changes are pending. */
    public static final int CHANGES = 2;
    /** {@code diff --exit-code}: an error. */
    public static final int DIFF_ERROR = 3;

    private ExitCodes() {
    }
}
