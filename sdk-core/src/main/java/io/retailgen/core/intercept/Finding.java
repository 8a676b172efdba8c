package io.retailgen.core.intercept;

import java.util.Objects;

/**
 * One thing an interceptor found in a generated output: a span of the text (UTF-16 indices, {@code end}
 * exclusive), the rule that matched and how serious it is. A finding about the output as a whole (an image, or the
 * text as a whole) uses the empty span {@code 0..0}.
 *
 * <pre>{@code
 * Finding f = new Finding(10, 14, "profanity.en", "profanity", Severity.MEDIUM, "profane word");
 * Finding unsure = new Finding(0, 9, "pii.phone", "pii", Severity.MEDIUM, "phone number?", 0.55);
 * }</pre>
 *
 * @param start the first UTF-16 index of the span, {@code >= 0}
 * @param end the index just after the span, {@code >= start}
 * @param ruleId the identifier of the rule that matched, not blank
 * @param category the family of the rule, such as {@code "profanity"} or {@code "pii"}, not blank
 * @param severity how serious the finding is
 * @param message a human-readable explanation; may be empty, never null
 * @param confidence how sure the rule is that the span is what it reports, from 0 (a guess) to 1 (certain); a
 *     policy may send findings it is unsure of to a person ({@link Verdict#REVIEW}) instead of blocking
 */
public record Finding(int start, int end, String ruleId, String category, Severity severity, String message,
                      double confidence) {

    /** Validates the span, the confidence and requires the names. */
    public Finding {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "bad span " + start + ".." + end + ": need 0 <= start <= end");
        }
        requireText(ruleId, "ruleId");
        requireText(category, "category");
        Objects.requireNonNull(severity, "severity == null");
        Objects.requireNonNull(message, "message == null");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " of rule '" + ruleId
                    + "' is not within 0..1");
        }
    }

    /**
     * A finding the rule is certain of (confidence 1).
     *
     * @param start the first UTF-16 index of the span
     * @param end the index just after the span
     * @param ruleId the rule that matched
     * @param category the family of the rule
     * @param severity how serious it is
     * @param message an explanation
     */
    public Finding(int start, int end, String ruleId, String category, Severity severity, String message) {
        this(start, end, ruleId, category, severity, message, 1.0);
    }

    /**
     * @param value the confidence, within 0..1
     * @return a copy of this finding with that confidence
     */
    public Finding withConfidence(double value) {
        return new Finding(start, end, ruleId, category, severity, message, value);
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
