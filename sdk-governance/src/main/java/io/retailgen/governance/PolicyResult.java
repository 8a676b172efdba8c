package io.retailgen.governance;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking one text against a {@link ContentPolicy}.
 *
 * <pre>{@code
 * PolicyResult r = policy.check("Mail me at jo@example.com");
 * r.verdict();      // REDACT
 * r.redactedText(); // "Mail me at [EMAIL]"
 * }</pre>
 *
 * @param verdict the decision: the strictest verdict of any finding, {@code ALLOW} when there is none
 * @param findings every finding, sorted by span start (an unmodifiable copy)
 * @param redactedText the text with the span of every finding whose verdict is not {@code ALLOW} replaced by a
 *     mask ({@code [EMAIL]}, {@code ****}, ...); equal to the input when nothing was masked
 */
public record PolicyResult(Verdict verdict, List<Finding> findings, String redactedText) {

    /** Validates and copies. */
    public PolicyResult {
        Objects.requireNonNull(verdict, "verdict == null");
        findings = List.copyOf(Objects.requireNonNull(findings, "findings == null"));
        Objects.requireNonNull(redactedText, "redactedText == null");
    }

    /**
     * @return the text that may be shown: the redacted text, or null when the verdict is {@code BLOCK} or
     *     {@code REVIEW} (held for a person, who sees {@link #redactedText()})
     */
    public String output() {
        return verdict == Verdict.BLOCK || verdict == Verdict.REVIEW ? null : redactedText;
    }
}
