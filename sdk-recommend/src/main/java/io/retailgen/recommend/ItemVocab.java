package io.retailgen.recommend;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Item id to dense index; grows only while being built, then read-only (safe to share once built). */
final class ItemVocab {

    private final Map<String, Integer> index;
    private String[] ids;
    private int size;

    ItemVocab() {
        this.index = new HashMap<>();
        this.ids = new String[64];
    }

    ItemVocab(String[] itemIds) {
        this.index = new HashMap<>(itemIds.length * 2);
        this.ids = itemIds.clone();
        this.size = itemIds.length;
        for (int i = 0; i < itemIds.length; i++) {
            if (index.put(itemIds[i], i) != null) {
                throw new IllegalArgumentException("duplicate item id " + itemIds[i] + " in vocabulary");
            }
        }
    }

    int add(String id) {
        Integer i = index.get(id);
        if (i != null) {
            return i;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size] = id;
        index.put(id, size);
        return size++;
    }

    /** @return the index, or -1 when unknown */
    int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    String id(int i) {
        return ids[i];
    }

    int size() {
        return size;
    }

    String[] ids() {
        return Arrays.copyOf(ids, size);
    }
}
