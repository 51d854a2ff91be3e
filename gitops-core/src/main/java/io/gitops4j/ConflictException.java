package io.gitops4j;

import io.gitops4j.model.ResourceKey;
import java.util.List;

/**
 * An apply conflicts with another owner: another field manager owns fields with other values, or another
 * application owns the object. Retrying with force (or adopting the object explicitly) overrides it.
 */
public class ConflictException extends TargetException {
    private static final long serialVersionUID = 1L;

    private final String owner;
    private final List<String> fields;

    /**
     * Creates the exception.
     *
     * @param key the resource
     * @param owner the other owner (field manager or application name)
     * @param fields the conflicting field paths (JSON Pointer or the target's notation); may be empty
     * @param message what conflicts and what to do
     */
    public ConflictException(ResourceKey key, String owner, List<String> fields, String message) {
        super(key, message);
        this.owner = owner;
        this.fields = List.copyOf(fields);
    }

    /**
     * Returns the other owner.
     *
     * @return a field manager or application name
     */
    public String owner() {
        return owner;
    }

    /**
     * Returns the conflicting field paths.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<String> fields() {
        return fields;
    }
}
