package io.retailgen.core.intercept;

/**
 * What an interceptor decided about a generated output. The constants are ordered from the most permissive to the
 * strictest, so {@link #strictest(Verdict)} combines the decisions of several checks.
 */
public enum Verdict {
    /** The output may be shown as it is. */
    ALLOW,
    /** The output may be shown after the parts named by the findings were rewritten or removed. */
    REDACT,
    /**
     * The output is held for a person to decide: not shown automatically and not dropped, but sent to a review queue.
     * Stricter than {@link #REDACT}, less strict than {@link #BLOCK}.
     */
    REVIEW,
    /** The output must not be shown. */
    BLOCK;

    /**
     * Combines two decisions.
     *
     * <pre>{@code
     * Verdict.ALLOW.strictest(Verdict.REDACT); // REDACT
     * }</pre>
     *
     * @param other the other decision
     * @return the stricter of this and {@code other}
     */
    public Verdict strictest(Verdict other) {
        if (other == null) {
            throw new NullPointerException("other == null");
        }
        return compareTo(other) >= 0 ? this : other;
    }
}
