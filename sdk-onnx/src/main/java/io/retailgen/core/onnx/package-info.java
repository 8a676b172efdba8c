/**
 * Writing ONNX models from trained weights: {@link io.retailgen.core.onnx.OnnxGraphBuilder} builds a graph of typed
 * operators over {@link io.retailgen.core.onnx.GraphValue}s and serialises it as an ONNX {@code ModelProto} that ONNX
 * Runtime serves. See {@code docs/onnx-export.md}.
 */
package io.retailgen.core.onnx;
