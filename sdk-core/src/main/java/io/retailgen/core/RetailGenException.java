package io.retailgen.core;

import java.util.Objects;

/**
 * The root of the SDK's own unchecked exceptions. Caller mistakes (a bad argument, use after close) are reported with
 * the JDK's {@link IllegalArgumentException}, {@link IllegalStateException} and {@link NullPointerException}
 * instead; this type is for failures of the environment, the data or a model file.
 */
public class RetailGenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * @param code what kind of failure this is
     * @param message what went wrong, the bad value, and what would be valid
     */
    public RetailGenException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code == null");
    }

    /**
     * @param code what kind of failure this is
     * @param message what went wrong, the bad value, and what would be valid
     * @param cause the underlying failure
     */
    public RetailGenException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code == null");
    }

    /** @return the kind of failure */
    public ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getName() + "[" + code + "]: " + getMessage();
    }
}
