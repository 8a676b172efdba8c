package io.retailgen.core.onnx;

import io.retailgen.core.runtime.ElementType;
import java.util.List;
import java.util.Optional;

/**
 * A named tensor value in a graph under construction: a graph input, a constant (initializer) or the output of an
 * operator. Values are created only by an {@link OnnxGraphBuilder} and may be used only with the builder that created
 * them.
 *
 * <pre>{@code
 * GraphValue x = g.input("x", ElementType.FLOAT, -1, 4);
 * GraphValue h = g.relu(x);
 * h.shape();   // Optional[[?, 4]]
 * }</pre>
 *
 * <p>The shape is what the builder could work out while the graph was written; a dimension the builder could not
 * infer is {@link OnnxDim#dynamic()}, and a value whose rank is unknown has no shape. Instances are immutable and
 * thread-safe.
 */
public final class GraphValue {

    /** Where a value comes from. */
    public enum Kind {
        /** A graph input, fed at run time. */
        INPUT,
        /** A constant stored in the model (an ONNX initializer). */
        CONSTANT,
        /** The output of an operator node. */
        NODE
    }

    private final OnnxGraphBuilder owner;
    private final String name;
    private final ElementType elementType;
    private final List<OnnxDim> shape;
    private final Kind kind;

    GraphValue(OnnxGraphBuilder owner, String name, ElementType elementType, List<OnnxDim> shape, Kind kind) {
        this.owner = owner;
        this.name = name;
        this.elementType = elementType;
        this.shape = shape == null ? null : List.copyOf(shape);
        this.kind = kind;
    }

    OnnxGraphBuilder owner() {
        return owner;
    }

    List<OnnxDim> dims() {
        return shape;
    }

    /** @return the value's unique name in the graph */
    public String name() {
        return name;
    }

    /** @return the element type */
    public ElementType elementType() {
        return elementType;
    }

    /** @return the shape as far as it is known, or empty when even the rank is unknown */
    public Optional<List<OnnxDim>> shape() {
        return Optional.ofNullable(shape);
    }

    /** @return where the value comes from */
    public Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return name + ":" + elementType.name().toLowerCase(java.util.Locale.ROOT) + (shape == null ? "[?]" : shape);
    }
}
