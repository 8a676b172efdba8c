package io.retailgen.core.onnx;

import java.util.regex.Pattern;

/**
 * One dimension of a tensor shape in an ONNX graph: a fixed size, a named symbolic size (for example {@code batch}),
 * or an unnamed dynamic size.
 *
 * <pre>{@code
 * OnnxDim batch = OnnxDim.symbolic("batch");
 * OnnxDim four = OnnxDim.of(4);
 * OnnxDim any = OnnxDim.dynamic();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param value the fixed size ({@code >= 0}), or {@code -1} for a symbolic or dynamic dimension
 * @param symbol the symbolic name, or {@code null} for a fixed or unnamed dynamic dimension
 */
public record OnnxDim(long value, String symbol) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final OnnxDim DYNAMIC = new OnnxDim(-1, null);

    /** Validates the dimension. */
    public OnnxDim {
        if (symbol != null) {
            if (value != -1) {
                throw new IllegalArgumentException(
                        "a symbolic dimension has value -1, was " + value + " for symbol '" + symbol + "'");
            }
            if (!SYMBOL.matcher(symbol).matches()) {
                throw new IllegalArgumentException(
                        "bad symbolic dimension name '" + symbol + "': expected [A-Za-z_][A-Za-z0-9_]*");
            }
        } else if (value < -1) {
            throw new IllegalArgumentException("dimension must be >= 0, or -1 for dynamic, was " + value);
        }
    }

    /**
     * @param size the fixed size, {@code >= 0}; {@code -1} gives {@link #dynamic()}
     * @return a fixed dimension
     */
    public static OnnxDim of(long size) {
        return size == -1 ? DYNAMIC : new OnnxDim(size, null);
    }

    /**
     * @param name the symbolic name shared by all dimensions that must have the same run-time size
     * @return a named symbolic dimension
     */
    public static OnnxDim symbolic(String name) {
        if (name == null) {
            throw new NullPointerException("name == null");
        }
        return new OnnxDim(-1, name);
    }

    /** @return an unnamed dynamic dimension */
    public static OnnxDim dynamic() {
        return DYNAMIC;
    }

    /** @return true when the size is known when the graph is written */
    public boolean isFixed() {
        return value >= 0;
    }

    /** @return true for a named symbolic dimension */
    public boolean isSymbolic() {
        return symbol != null;
    }

    @Override
    public String toString() {
        if (symbol != null) {
            return symbol;
        }
        return value >= 0 ? Long.toString(value) : "?";
    }
}
