package io.retailgen.governance;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import io.retailgen.core.intercept.Verdict;
import java.util.Locale;
import java.util.Map;

/**
 * How findings become a verdict for one kind of text. The severity-to-verdict mapping of the policy applies first;
 * the profile then raises or lowers it by the finding's category and confidence.
 *
 * <ul>
 *   <li>{@link #GENERATED_COPY} ({@code generated-copy}, the default): text the retailer publishes as its own. Any
 *       profanity ({@code MEDIUM} or more; mild swear words such as "damn" and "crap" are {@code MEDIUM} in the
 *       shipped lexicon) is at least {@code REDACT}, strong words ({@code HIGH}) {@code BLOCK}; misleading claims
 *       and counterfeit findings of severity {@code MEDIUM} or more are {@code BLOCK}.</li>
 *   <li>{@link #USER_CONTENT} ({@code user-content}): customer reviews and questions. Profanity is masked
 *       ({@code REDACT}), and only {@code CRITICAL} terms (slurs) block; a health or cure claim ({@code HIGH}) and a
 *       counterfeit finding of {@code MEDIUM} or more go to {@code REVIEW}, lesser claims are allowed: a customer's
 *       own experience is not the retailer's advertising.</li>
 * </ul>
 *
 * <p>{@code LOW} lexicon terms are sensitive but ordinary retail vocabulary ("nude", "panties", "hardcore"): they
 * are reported and, under the default severity mapping, allowed in both profiles.</p>
 *
 * <p>In both, a finding that would {@code BLOCK} but whose confidence is below {@link #REVIEW_BELOW} gives
 * {@code REVIEW} instead: the text goes to a person rather than being published or dropped.
 *
 * <pre>{@code
 * ContentPolicy reviews = ContentPolicy.builder().defaults().profile(PolicyProfile.USER_CONTENT).build();
 * PolicyProfile p = PolicyProfile.parse("user-content");
 * }</pre>
 */
public enum PolicyProfile {
    /** Text published as the retailer's own (product copy, banners, explanations). */
    GENERATED_COPY("generated-copy"),
    /** Customer reviews, questions and other text written by users. */
    USER_CONTENT("user-content");

    /** Findings with a confidence below this go to {@code REVIEW} instead of {@code BLOCK}. */
    public static final double REVIEW_BELOW = 0.7;

    private final String id;

    PolicyProfile(String id) {
        this.id = id;
    }

    /** @return the profile's name as the CLI and policy files spell it ({@code generated-copy}) */
    public String id() {
        return id;
    }

    /**
     * @param name {@code generated-copy} or {@code user-content} (case-insensitive; underscores accepted)
     * @return the profile
     * @throws IllegalArgumentException naming the value and the accepted names when it is neither
     */
    public static PolicyProfile parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (PolicyProfile p : values()) {
                if (p.id.equals(n)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("unknown policy profile '" + name + "': expected generated-copy or "
                + "user-content");
    }

    /**
     * @param f a finding
     * @param bySeverity the policy's severity-to-verdict mapping
     * @return the verdict this finding leads to under this profile
     */
    Verdict verdict(Finding f, Map<Severity, Verdict> bySeverity) {
        Verdict base = bySeverity.get(f.severity());
        Verdict v = switch (f.category()) {
            case "profanity" -> profanity(f.severity(), base);
            case "misleading-claim" -> this == GENERATED_COPY
                    ? atLeastMedium(f.severity(), Verdict.BLOCK, base)
                    : f.severity().compareTo(Severity.HIGH) >= 0 ? Verdict.REVIEW : Verdict.ALLOW;
            case "counterfeit" -> atLeastMedium(f.severity(), this == GENERATED_COPY ? Verdict.BLOCK : Verdict.REVIEW,
                    base);
            default -> base;
        };
        return v == Verdict.BLOCK && f.confidence() < REVIEW_BELOW ? Verdict.REVIEW : v;
    }

    private Verdict profanity(Severity s, Verdict base) {
        if (s.compareTo(Severity.MEDIUM) < 0) {
            return base;
        }
        if (this == GENERATED_COPY) {
            return base.strictest(Verdict.REDACT);
        }
        return s == Severity.CRITICAL ? Verdict.BLOCK : Verdict.REDACT;
    }

    private static Verdict atLeastMedium(Severity s, Verdict v, Verdict otherwise) {
        return s.compareTo(Severity.MEDIUM) >= 0 ? v : otherwise;
    }
}
