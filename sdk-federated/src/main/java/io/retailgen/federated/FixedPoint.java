package io.retailgen.federated;

/**
 * Weight updates as fixed-point integers, so that pairwise masks cancel exactly: a value {@code v} becomes
 * {@code round(v * 2^24)} in a {@code long}, and sums wrap modulo {@code 2^64} like the masks. Sums stay exact while
 * their magnitude is below {@code 2^39} (about 5.5e11).
 */
final class FixedPoint {

    static final double SCALE = 1 << 24;

    private FixedPoint() {
    }

    static long[] encode(float[] values, float last) {
        long[] out = new long[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.round(values[i] * SCALE);
        }
        out[values.length] = Math.round(last * SCALE);
        return out;
    }

    static double decode(long v) {
        return v / SCALE;
    }
}
