package io.gitops4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map of a few JSON fields kept in one array of alternating names and values, in insertion order;
 * looked up by a linear scan (names are usually interned, so the reference check hits first). Refuses every
 * change with {@link UnsupportedOperationException}.
 */
final class SmallFieldMap extends AbstractMap<String, JsonNode> {
    private final Object[] slots;

    SmallFieldMap(Object[] slots) {
        this.slots = slots;
    }

    @Override
    public int size() {
        return slots.length >> 1;
    }

    @Override
    public boolean isEmpty() {
        return slots.length == 0;
    }

    @Override
    public JsonNode get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : (JsonNode) slots[index + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        Object[] array = slots;
        for (int i = 0; i < array.length; i += 2) {
            if (array[i] == key) {
                return i;
            }
        }
        if (key != null) {
            for (int i = 0; i < array.length; i += 2) {
                if (key.equals(array[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super JsonNode> action) {
        Object[] array = slots;
        for (int i = 0; i < array.length; i += 2) {
            action.accept((String) array[i], (JsonNode) array[i + 1]);
        }
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        return new Entries();
    }

    /** The fields as entries, made on the fly. */
    private final class Entries extends AbstractSet<Map.Entry<String, JsonNode>> {
        @Override
        public int size() {
            return slots.length >> 1;
        }

        @Override
        public Iterator<Map.Entry<String, JsonNode>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < slots.length;
                }

                @Override
                public Map.Entry<String, JsonNode> next() {
                    if (next >= slots.length) {
                        throw new NoSuchElementException();
                    }
                    Map.Entry<String, JsonNode> entry =
                            new SimpleImmutableEntry<>((String) slots[next], (JsonNode) slots[next + 1]);
                    next += 2;
                    return entry;
                }
            };
        }
    }
}
