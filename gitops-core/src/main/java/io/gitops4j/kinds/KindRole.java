package io.gitops4j.kinds;

/**
 * What a kind's objects are to other objects, which decides when they are applied and deleted: a namespace
 * contains objects, a definition makes a new kind served, everything else is an ordinary object.
 */
public enum KindRole {
    /** An ordinary object. */
    OBJECT,
    /**
     * A {@code Namespace}: applied before the objects inside it (in a first stage, with definitions) and deleted
     * after all of them.
     */
    NAMESPACE,
    /**
     * A {@code CustomResourceDefinition}: applied in a first stage so that the kind it defines is served before
     * objects of that kind are resolved, and deleted after its custom resources.
     */
    DEFINITION;

    /**
     * Tells whether objects of this role are applied in the first stage of a run, before the rest of the desired
     * state is resolved against the target.
     *
     * @return {@code true} for {@link #NAMESPACE} and {@link #DEFINITION}
     */
    public boolean appliedFirst() {
        return this != OBJECT;
    }
}
