package io.gitops4j.samples.cli;

/** The tool's exit codes, as {@code terraform plan -detailed-exitcode} uses them. */
public final class ExitCodes {
    /** Success; for {@code plan} and {@code diff}: live state matches desired state. */
    public static final int OK = 0;
    /** Any error: bad arguments, unreachable source or target, a failed step. */
    public static final int ERROR = 1;
    /** {@code plan} and {@code diff}: changes are pending. */
    public static final int CHANGES = 2;

    private ExitCodes() {
    }
}
