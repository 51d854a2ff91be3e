package io.gitops4j.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds items of one list by merge key: by scanning for small lists (no allocation), through a hash map built
 * once for large ones, so matching two lists stays linear. Not thread-safe; one per list per comparison.
 */
final class KeyIndex {
    private static final int SCAN_LIMIT = 32;

    private final ListKey key;
    private final JsonNode list;
    private Map<Object, Integer> byKey;

    KeyIndex(ListKey key, JsonNode list, int lookups) {
        this.key = key;
        this.list = list;
        if (list.size() > SCAN_LIMIT && lookups > SCAN_LIMIT) {
            byKey = new HashMap<>(list.size() * 2);
            for (int i = list.size() - 1; i >= 0; i--) {
                if (key.hasKey(list.get(i))) {
                    byKey.put(key.hashKey(list.get(i)), i);
                }
            }
        }
    }

    /** Returns the index of the first item with the key of {@code item}, or -1. */
    int find(JsonNode item) {
        if (byKey == null) {
            return key.find(list, item);
        }
        if (!key.hasKey(item)) {
            return -1;
        }
        Integer index = byKey.get(key.hashKey(item));
        return index == null ? -1 : index;
    }

    /** Returns the item with the key of {@code item}, or {@code null}. */
    JsonNode get(JsonNode item) {
        int index = find(item);
        return index < 0 ? null : list.get(index);
    }
}
