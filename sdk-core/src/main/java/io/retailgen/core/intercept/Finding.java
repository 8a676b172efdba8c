package io.retailgen.core.intercept;

import java.util.Objects;

/**
 * One thing an interceptor found in a generated output: a span of the text (UTF-16 indices, {@code end}
 * exclusive), the rule that matched and how serious it is. A finding about the output as a whole (an image, or the
 * text as a whole) uses the empty span {@code 0..0}.
 *
 * <pre>{@code
 * Finding f = new Finding(10, 14, "profanity.en", "profanity", Severity.MEDIUM, "profane word");
 * }</pre>
 *
 * @param start the first UTF-16 index of the span, {@code >= 0}
 * @param end the index just after the span, {@code >= start}
 * @param ruleId the identifier of the rule that matched, not blank
 * @param category the family of the rule, such as {@code "profanity"} or {@code "pii"}, not blank
 * @param severity how serious the finding is
 * @param message a human-readable explanation; may be empty, never null
 */
public record Finding(int start, int end, String ruleId, String category, Severity severity, String message) {

    /** Validates the span and requires the names. */
    public Finding {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "bad span " + start + ".." + end + ": need 0 <= start <= end");
        }
        requireText(ruleId, "ruleId");
        requireText(category, "category");
        Objects.requireNonNull(severity, "severity == null");
        Objects.requireNonNull(message, "message == null");
    }

    /**
     * A finding about the output as a whole rather than a span of its text.
     *
     * @param ruleId the rule that matched
     * @param category the family of the rule
     * @param severity how serious it is
     * @param message an explanation
     * @return a finding with the empty span {@code 0..0}
     */
    public static Finding whole(String ruleId, String category, Severity severity, String message) {
        return new Finding(0, 0, ruleId, category, severity, message);
    }

    /** @return true when the finding points at a non-empty span of the text */
    public boolean hasSpan() {
        return end > start;
    }

    static void requireText(String value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
