package io.retailgen.core.onnx;

import java.util.Objects;

/**
 * The two outputs of an ONNX {@code TopK} node.
 *
 * @param values the k selected values, same element type as the input
 * @param indices their positions along the axis, {@code int64}
 */
public record TopKOutputs(GraphValue values, GraphValue indices) {
    /** Validates the outputs. */
    public TopKOutputs {
        Objects.requireNonNull(values, "values == null");
        Objects.requireNonNull(indices, "indices == null");
    }
}
