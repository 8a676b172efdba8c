package io.retailgen.core.runtime;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable dense tensor held on the Java heap: an element type, a shape and row-major data. Tensors carry no
 * native memory, so they need no closing; backends copy them into native buffers for the duration of one call.
 *
 * <pre>{@code
 * Tensor x = Tensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
 * float v = x.floatAt(4);   // 5.0
 * }</pre>
 */
public final class Tensor {
    private final ElementType type;
    private final long[] shape;
    private final float[] floats;
    private final long[] longs;

    private Tensor(ElementType type, long[] shape, float[] floats, long[] longs) {
        this.type = type;
        this.shape = shape;
        this.floats = floats;
        this.longs = longs;
    }

    /**
     * @param data row-major values; copied
     * @param shape the dimensions; their product must equal {@code data.length}
     * @return a float tensor
     */
    public static Tensor ofFloats(float[] data, long... shape) {
        Objects.requireNonNull(data, "data == null");
        long[] s = checkShape(shape, data.length);
        return new Tensor(ElementType.FLOAT, s, data.clone(), null);
    }

    /**
     * @param data row-major values; copied
     * @param shape the dimensions; their product must equal {@code data.length}
     * @return an int64 tensor
     */
    public static Tensor ofLongs(long[] data, long... shape) {
        Objects.requireNonNull(data, "data == null");
        long[] s = checkShape(shape, data.length);
        return new Tensor(ElementType.INT64, s, null, data.clone());
    }

    /** Takes ownership of the arrays without copying; for backends that have just allocated them. */
    static Tensor adoptFloats(float[] data, long[] shape) {
        return new Tensor(ElementType.FLOAT, checkShape(shape, data.length), data, null);
    }

    static Tensor adoptLongs(long[] data, long[] shape) {
        return new Tensor(ElementType.INT64, checkShape(shape, data.length), null, data);
    }

    private static long[] checkShape(long[] shape, int length) {
        Objects.requireNonNull(shape, "shape == null");
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " elements but the data has " + length);
        }
        return shape.clone();
    }

    /** @return the element type */
    public ElementType type() {
        return type;
    }

    /** @return a copy of the dimensions */
    public long[] shape() {
        return shape.clone();
    }

    /** @return the number of dimensions */
    public int rank() {
        return shape.length;
    }

    /**
     * @param axis a dimension index
     * @return the size of that dimension
     */
    public long dim(int axis) {
        return shape[axis];
    }

    /** @return the number of elements */
    public int size() {
        return type == ElementType.FLOAT ? floats.length : longs.length;
    }

    /**
     * @param i a row-major index
     * @return the float at that index
     */
    public float floatAt(int i) {
        requireType(ElementType.FLOAT);
        return floats[i];
    }

    /**
     * @param i a row-major index
     * @return the long at that index
     */
    public long longAt(int i) {
        requireType(ElementType.INT64);
        return longs[i];
    }

    /** @return a copy of the float data */
    public float[] toFloatArray() {
        requireType(ElementType.FLOAT);
        return floats.clone();
    }

    /** @return a copy of the int64 data */
    public long[] toLongArray() {
        requireType(ElementType.INT64);
        return longs.clone();
    }

    /** @return a read-only view of the float data, without copying */
    public FloatBuffer floatBuffer() {
        requireType(ElementType.FLOAT);
        return FloatBuffer.wrap(floats).asReadOnlyBuffer();
    }

    /** @return a read-only view of the int64 data, without copying */
    public LongBuffer longBuffer() {
        requireType(ElementType.INT64);
        return LongBuffer.wrap(longs).asReadOnlyBuffer();
    }

    private void requireType(ElementType wanted) {
        if (type != wanted) {
            throw new IllegalStateException("tensor holds " + type + ", not " + wanted);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor t)) {
            return false;
        }
        return type == t.type && Arrays.equals(shape, t.shape) && Arrays.equals(floats, t.floats)
                && Arrays.equals(longs, t.longs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(shape), Arrays.hashCode(floats), Arrays.hashCode(longs));
    }

    @Override
    public String toString() {
        return "Tensor[" + type + " " + Arrays.toString(shape) + "]";
    }
}
