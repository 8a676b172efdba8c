package io.retailgen.core.spi;

/**
 * Tuning options passed to {@link InferenceBackend#open}.
 *
 * @param intraOpThreads threads used inside one operator; 0 lets the backend decide
 * @param interOpThreads threads used across independent operators; 0 lets the backend decide
 * @param optimize whether the backend may apply all graph optimizations
 */
public record SessionOptions(int intraOpThreads, int interOpThreads, boolean optimize) {

    /** Validates the thread counts. */
    public SessionOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0, was " + intraOpThreads);
        }
        if (interOpThreads < 0) {
            throw new IllegalArgumentException("interOpThreads must be >= 0, was " + interOpThreads);
        }
    }

    /** @return backend-chosen threads, full optimization */
    public static SessionOptions defaults() {
        return new SessionOptions(0, 0, true);
    }
}
