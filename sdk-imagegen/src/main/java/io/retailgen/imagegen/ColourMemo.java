package io.retailgen.imagegen;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Remembers a function of non-negative int keys, most often 24-bit sRGB colours: a photo has far fewer distinct
 * colours than pixels (a 1274x1580 studio photo's garment about 5% as many), so a pixel pass that maps colour to
 * colour computes each colour once. Open addressing with linear probing; when the table is 3/4 full, further colours are computed but not
 * stored, so memory stays bounded whatever the photo. Not thread-safe: one per pass.
 */
final class ColourMemo {
    private static final int EMPTY = -1;
    private final int[] keys;
    private final int[] values;
    private final int mask;
    private final int limit;
    private final IntUnaryOperator function;
    private int size;

    /**
     * @param capacityBits log2 of the table size
     * @param function the function, key (such as {@code 0xRRGGBB}) to value
     */
    ColourMemo(int capacityBits, IntUnaryOperator function) {
        int capacity = 1 << capacityBits;
        this.keys = new int[capacity];
        this.values = new int[capacity];
        this.mask = capacity - 1;
        this.limit = capacity / 4 * 3;
        this.function = function;
        Arrays.fill(keys, EMPTY);
    }

    /**
     * @param key a non-negative key, such as {@code 0xRRGGBB}
     * @return {@code function(key)}, computed once per distinct key while the table has room
     */
    int apply(int key) {
        int slot = (key * 0x9E3779B1 >>> 8) & mask;
        while (true) {
            int k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                int v = function.applyAsInt(key);
                if (size < limit) {
                    keys[slot] = key;
                    values[slot] = v;
                    size++;
                }
                return v;
            }
            slot = (slot + 1) & mask;
        }
    }
}
