package io.retailgen.recommend;

import java.util.Arrays;

/** A dense score vector over the vocabulary with the list of touched entries, reused per thread. */
final class Scores {

    final float[] value;
    final boolean[] touched;
    int[] list;
    int count;

    Scores(int size) {
        this.value = new float[size];
        this.touched = new boolean[size];
        this.list = new int[64];
    }

    void add(int item, float v) {
        if (!touched[item]) {
            touched[item] = true;
            if (count == list.length) {
                list = Arrays.copyOf(list, count * 2);
            }
            list[count++] = item;
        }
        value[item] += v;
    }

    float get(int item) {
        return value[item];
    }

    float max() {
        float m = 0f;
        for (int i = 0; i < count; i++) {
            m = Math.max(m, value[list[i]]);
        }
        return m;
    }

    void clear() {
        for (int i = 0; i < count; i++) {
            value[list[i]] = 0f;
            touched[list[i]] = false;
        }
        count = 0;
    }

    int size() {
        return value.length;
    }
}
