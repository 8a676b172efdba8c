package io.retailgen.governance;

import io.retailgen.core.intercept.Severity;
import java.util.List;
import java.util.Objects;

/**
 * A misleading-claim rule: phrases that make the claim, and phrases whose presence anywhere in the same text counts
 * as substantiation and silences the rule. Phrases are matched as whole words after normalization (case, accents,
 * look-alike letters); hyphens count as spaces and {@code #} stands for any number, so {@code "only # left"} matches
 * {@code "Only 3 left!"}.
 *
 * <pre>{@code
 * ClaimRule rule = new ClaimRule("claim.clinical", "misleading-claim", Severity.MEDIUM,
 *         List.of("clinically proven", "fda approved"), List.of("study ref", "510(k)"),
 *         "clinical or regulatory claim without substantiation");
 * }</pre>
 *
 * @param id the rule id reported in findings, not blank
 * @param category the finding category, not blank
 * @param severity the severity of a finding
 * @param phrases the claim phrases, at least one, none blank
 * @param unless substantiation phrases that silence the rule (may be empty)
 * @param message the finding message
 */
public record ClaimRule(String id, String category, Severity severity, List<String> phrases, List<String> unless,
                        String message) {

    /** Validates and copies. */
    public ClaimRule {
        requireText(id, "id");
        requireText(category, "category");
        Objects.requireNonNull(severity, "severity == null");
        phrases = List.copyOf(Objects.requireNonNull(phrases, "phrases == null"));
        if (phrases.isEmpty()) {
            throw new IllegalArgumentException("claim rule '" + id + "' has no phrases");
        }
        phrases.forEach(p -> requireText(p, "phrase of rule '" + id + "'"));
        unless = unless == null ? List.of() : List.copyOf(unless);
        unless.forEach(p -> requireText(p, "unless-phrase of rule '" + id + "'"));
        Objects.requireNonNull(message, "message == null");
    }

    static void requireText(String value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
