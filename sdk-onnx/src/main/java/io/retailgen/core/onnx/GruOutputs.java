package io.retailgen.core.onnx;

import java.util.Objects;

/**
 * The two outputs of an ONNX {@code GRU} node.
 *
 * @param y all hidden states, shape {@code [seq, 1, batch, hidden]}
 * @param lastHidden the last hidden state ({@code Y_h}), shape {@code [1, batch, hidden]}
 */
public record GruOutputs(GraphValue y, GraphValue lastHidden) {
    /** Validates the outputs. */
    public GruOutputs {
        Objects.requireNonNull(y, "y == null");
        Objects.requireNonNull(lastHidden, "lastHidden == null");
    }
}
