package io.retailgen.core.runtime;

import io.retailgen.core.Device;
import io.retailgen.core.spi.InferenceBackend;
import java.util.Objects;

/**
 * The outcome of choosing an inference backend: which backend, on which device, and why.
 *
 * @param backend the chosen backend
 * @param device the device it will run on
 * @param source where the choice came from
 * @param fallback the reason a requested GPU backend was replaced by the CPU, or an empty string
 */
public record BackendSelection(InferenceBackend backend, Device device, Source source, String fallback) {

    /** Where a backend choice came from, in order of precedence. */
    public enum Source {
        /** An explicit builder option. */
        BUILDER,
        /** The system property {@code retailgen.backend}. */
        SYSTEM_PROPERTY,
        /** The environment variable {@code RETAILGEN_BACKEND}. */
        ENVIRONMENT,
        /** The requested device, or the best available backend. */
        AUTO
    }

    /** Validates. */
    public BackendSelection {
        Objects.requireNonNull(backend, "backend == null");
        Objects.requireNonNull(device, "device == null");
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(fallback, "fallback == null");
    }

    /** @return whether a requested GPU was replaced by the CPU */
    public boolean fellBack() {
        return !fallback.isEmpty();
    }

    @Override
    public String toString() {
        return backend.name() + " on " + device + " (" + source.name().toLowerCase(java.util.Locale.ROOT)
                + (fellBack() ? ", fell back: " + fallback : "") + ")";
    }
}
