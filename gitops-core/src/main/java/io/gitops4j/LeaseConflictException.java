package io.gitops4j;

/**
 * A lease was changed by someone else between reading and writing it (its version moved), or a lease to create
 * exists already. Whoever wrote it first won; read the lease again and decide afresh.
 */
public class LeaseConflictException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which lease and what was attempted
     */
    public LeaseConflictException(String message) {
        super(message);
    }
}
