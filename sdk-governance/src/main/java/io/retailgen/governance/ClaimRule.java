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
 * @param confidence the confidence of its findings, 0..1: below {@link PolicyProfile#REVIEW_BELOW} a finding that
 *     would block goes to {@code REVIEW} (for claims whose phrases are often substantiated elsewhere, such as vague
 *     environmental claims)
 */
public record ClaimRule(String id, String category, Severity severity, List<String> phrases, List<String> unless,
                        String message, double confidence) {

    /**
     * A rule whose findings are certain (confidence 1).
     *
     * @param id the rule id
     * @param category the finding category
     * @param severity the severity of a finding
     * @param phrases the claim phrases
     * @param unless substantiation phrases
     * @param message the finding message
     */
    public ClaimRule(String id, String category, Severity severity, List<String> phrases, List<String> unless,
                     String message) {
        this(id, category, severity, phrases, unless, message, 1.0);
    }

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
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("claim rule '" + id + "': confidence " + confidence
                    + " is not within 0..1");
        }
    }

    static void requireText(String value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
