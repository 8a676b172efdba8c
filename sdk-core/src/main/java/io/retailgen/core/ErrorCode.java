package io.retailgen.core;

/** What kind of failure a {@link RetailGenException} reports; stable across releases so callers can switch on it. */
public enum ErrorCode {
    /** The requested inference backend or device is not available here. */
    BACKEND_UNAVAILABLE,
    /** The native training engine (PyTorch through DJL) could not be loaded. */
    ENGINE_UNAVAILABLE,
    /** A model file or bundle is corrupt, incomplete or of an unsupported format version. */
    INVALID_BUNDLE,
    /** A model could not be loaded by the inference backend. */
    MODEL_LOAD_FAILED,
    /** Running a model failed inside the backend. */
    INFERENCE_FAILED,
    /** Input data was rejected by a data check. */
    INVALID_DATA,
    /** A model registry operation could not be carried out. */
    REGISTRY,
    /** An export to ONNX failed. */
    EXPORT_FAILED,
    /** Training failed. */
    TRAINING_FAILED,
    /** An input or output file could not be read or written. */
    IO,
    /** A model run did not finish before its deadline and was cancelled. */
    DEADLINE_EXCEEDED,
    /** An interceptor blocked a generated output (or held it for review); the message names the rules. */
    GENERATION_BLOCKED
}
