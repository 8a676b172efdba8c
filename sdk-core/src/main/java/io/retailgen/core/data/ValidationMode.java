package io.retailgen.core.data;

/** What a {@link DataValidator} does with a bad row. */
public enum ValidationMode {
    /** The first bad row fails the whole input with a {@link DataValidationException}. */
    STRICT,
    /** A bad row is skipped and recorded in the {@link DataReport}; the good rows are kept. */
    LENIENT
}
