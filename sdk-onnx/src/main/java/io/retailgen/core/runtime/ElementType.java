package io.retailgen.core.runtime;

/** Element types of the tensors the SDK exchanges with inference backends. */
public enum ElementType {
    /** 32-bit IEEE float ({@code tensor(float)} in ONNX). */
    FLOAT,
    /** 64-bit signed integer ({@code tensor(int64)} in ONNX). */
    INT64;

    /** @return the ONNX type name, for example {@code tensor(float)} */
    public String onnxName() {
        return this == FLOAT ? "tensor(float)" : "tensor(int64)";
    }
}
