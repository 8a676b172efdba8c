package io.retailgen.core.onnx;

/**
 * Interpolation of {@link OnnxGraphBuilder#resize(GraphValue, ResizeMode, float...)}. Both modes are written with the
 * coordinate conventions of PyTorch's {@code torch.nn.functional.interpolate}, so that a model trained with DJL's
 * PyTorch engine gives the same values after export.
 */
public enum ResizeMode {
    /**
     * Nearest neighbour, PyTorch {@code mode="nearest"}: ONNX {@code mode="nearest"},
     * {@code coordinate_transformation_mode="asymmetric"}, {@code nearest_mode="floor"}.
     */
    NEAREST,
    /**
     * Linear in every resized axis (bilinear for images), PyTorch {@code mode="bilinear", align_corners=False}: ONNX
     * {@code mode="linear"}, {@code coordinate_transformation_mode="half_pixel"}.
     */
    LINEAR
}
