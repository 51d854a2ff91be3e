package io.gitops4j.reconcile;

import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SortedSet;

/** Set operations on sorted key sets in one linear pass, where a tree set would compare log n times per key. */
final class SortedKeys {
    private SortedKeys() {
    }

    /**
     * Returns the union of two key sets in natural order.
     *
     * @param left keys in natural order
     * @param right keys in natural order
     * @return the union, sorted, without repeats
     */
    static List<ResourceKey> union(SortedSet<ResourceKey> left, SortedSet<ResourceKey> right) {
        List<ResourceKey> union = new ArrayList<>(left.size() + right.size());
        Iterator<ResourceKey> a = left.iterator();
        Iterator<ResourceKey> b = right.iterator();
        ResourceKey x = a.hasNext() ? a.next() : null;
        ResourceKey y = b.hasNext() ? b.next() : null;
        while (x != null || y != null) {
            int order = x == null ? 1 : y == null ? -1 : x.compareTo(y);
            union.add(order <= 0 ? x : y);
            if (order <= 0) {
                x = a.hasNext() ? a.next() : null;
            }
            if (order >= 0) {
                y = b.hasNext() ? b.next() : null;
            }
        }
        return union;
    }
}
