package io.gitops4j.diff;

/** Renders a resource diff without values, e.g. {@code UPDATE apps/Deployment/shop/web (2 fields)}. Stateless. */
final class DiffLabel {
    private DiffLabel() {
    }

    static String of(ResourceDiff diff) {
        int fields = diff.changes().size();
        return diff.type() + " " + diff.key() + (fields == 0 ? "" : " (" + fields + " fields)");
    }
}
