package io.retailgen.core.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * The declared type and shape of a model input or output. A dimension of {@code -1} is dynamic (any size).
 *
 * @param name the input or output name in the model
 * @param type the element type
 * @param shape the dimensions, {@code -1} for dynamic
 */
public record TensorSpec(String name, ElementType type, long[] shape) {

    /** Validates and copies. */
    public TensorSpec {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
        shape = Objects.requireNonNull(shape, "shape == null").clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /**
     * @param t a candidate tensor
     * @return null when it fits, else the reason it does not
     */
    public String mismatch(Tensor t) {
        if (t.type() != type) {
            return "has type " + t.type().onnxName() + " but expects " + type.onnxName();
        }
        long[] got = t.shape();
        if (got.length != shape.length) {
            return "has shape " + Arrays.toString(got) + " (rank " + got.length + ") but expects shape "
                    + describeShape() + " (rank " + shape.length + ")";
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0 && shape[i] != got[i]) {
                return "has shape " + Arrays.toString(got) + " but expects shape " + describeShape()
                        + " (dimension " + i + " must be " + shape[i] + ")";
            }
        }
        return null;
    }

    /** @return the shape with dynamic dimensions written as {@code ?} */
    public String describeShape() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(shape[i] < 0 ? "?" : Long.toString(shape[i]));
        }
        return b.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec s && name.equals(s.name) && type == s.type && Arrays.equals(shape, s.shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(shape));
    }

    @Override
    public String toString() {
        return name + ": " + type.onnxName() + " " + describeShape();
    }
}
