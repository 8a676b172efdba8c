package io.retailgen.core.intercept;

/** How serious a {@link Finding} is, from the least to the most serious. */
public enum Severity {
    /** Worth recording, no action needed. */
    INFO,
    /** Minor; usually allowed. */
    LOW,
    /** Usually redacted. */
    MEDIUM,
    /** Usually blocked. */
    HIGH,
    /** Always blocked and worth an alert. */
    CRITICAL
}
