package io.retailgen.governance;

import io.retailgen.core.intercept.Severity;
import io.retailgen.core.intercept.Verdict;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The content policy for generated text (explanations, styling tips, banner copy, product descriptions): composable
 * checks for inappropriate language, misleading claims, counterfeit and brand misuse and personal data, whose
 * findings are turned into a verdict ({@code ALLOW}, {@code REDACT}, {@code REVIEW}, {@code BLOCK}) by their
 * severity, category and confidence under a {@link PolicyProfile} ({@code generated-copy} by default).
 *
 * <p>Text is normalized before matching (Unicode compatibility forms, case folding, diacritics, Cyrillic and Greek
 * look-alikes, zero-width characters, leetspeak, spaced-out and repeated letters) and every finding's span points
 * into the original text. Matching is linear in the text length: all lexicon terms are matched in one pass of an
 * Aho-Corasick automaton, and all claim phrases, brands and markers in another.
 *
 * <pre>{@code
 * ContentPolicy policy = ContentPolicy.defaults();                     // the shipped default-policy.json
 * ContentPolicy custom = ContentPolicy.fromJson(Path.of("policy.json"));
 * PolicyResult result = policy.check("Only 2 left - lowest price ever!");
 * if (result.verdict() != Verdict.BLOCK) {
 *     show(result.redactedText());
 * }
 * }</pre>
 *
 * <p>Instances are immutable and safe for concurrent use; build one and share it.
 */
public interface ContentPolicy {

    /**
     * Checks one text.
     *
     * @param text the text, not null (may be empty)
     * @return the verdict, findings and redacted text
     */
    PolicyResult check(String text);

    /** @return a new builder with no checks and the default severity-to-verdict mapping */
    static Builder builder() {
        return new Builder();
    }

    /** @return the policy of the shipped {@code default-policy.json} (cached; cheap to call) */
    static ContentPolicy defaults() {
        return PolicyConfig.defaultPolicy();
    }

    /**
     * @param profile how findings become verdicts
     * @return the policy of the shipped {@code default-policy.json} under that profile (cached; cheap to call)
     */
    static ContentPolicy defaults(PolicyProfile profile) {
        return PolicyConfig.defaultPolicy(Objects.requireNonNull(profile, "profile == null"));
    }

    /**
     * Reads a policy file (format in {@code docs/governance.md}); relative lexicon paths resolve against the file's
     * directory.
     *
     * @param file the JSON policy file
     * @return the policy
     * @throws io.retailgen.core.RetailGenException when the file cannot be read or is malformed
     */
    static ContentPolicy fromJson(Path file) {
        return PolicyConfig.read(file).toBuilder().build();
    }

    /**
     * Reads a policy file and applies a profile, overriding any {@code "profile"} the file names.
     *
     * @param file the JSON policy file
     * @param profile how findings become verdicts
     * @return the policy
     * @throws io.retailgen.core.RetailGenException when the file cannot be read or is malformed
     */
    static ContentPolicy fromJson(Path file, PolicyProfile profile) {
        return PolicyConfig.read(file).toBuilder().profile(profile).build();
    }

    /**
     * @param json a JSON policy document
     * @param baseDir the directory relative lexicon paths resolve against
     * @return the policy
     * @throws io.retailgen.core.RetailGenException when the document is malformed
     */
    static ContentPolicy fromJson(InputStream json, Path baseDir) {
        return PolicyConfig.read(json, baseDir, "<stream>").toBuilder().build();
    }

    /**
     * Collects the checks of a {@link ContentPolicy}. Setters validate at once. Not thread-safe.
     */
    final class Builder {
        private ProfanityLexicon lexicon;
        private final List<ClaimRule> claims = new ArrayList<>();
        private CounterfeitRules counterfeit;
        private boolean structuredClaims;
        private Set<PiiKind> pii = EnumSet.noneOf(PiiKind.class);
        private Severity piiSeverity = Severity.MEDIUM;
        private String phoneRegion = PiiCheck.DEFAULT_REGION;
        private final List<TextCheck> custom = new ArrayList<>();
        private final Map<Severity, Verdict> verdicts = new EnumMap<>(Severity.class);
        private PolicyProfile profile = PolicyProfile.GENERATED_COPY;

        Builder() {
            verdicts.put(Severity.INFO, Verdict.ALLOW);
            verdicts.put(Severity.LOW, Verdict.ALLOW);
            verdicts.put(Severity.MEDIUM, Verdict.REDACT);
            verdicts.put(Severity.HIGH, Verdict.BLOCK);
            verdicts.put(Severity.CRITICAL, Verdict.BLOCK);
        }

        /**
         * Starts from everything in the shipped default policy (lexicons, claim rules, brands and markers, all PII
         * kinds, verdict mapping).
         *
         * @return this builder
         */
        public Builder defaults() {
            PolicyConfig.defaultConfig().applyTo(this);
            return this;
        }

        /**
         * @param lexicon the inappropriate-language lexicon (replaces any earlier one)
         * @return this builder
         */
        public Builder profanity(ProfanityLexicon lexicon) {
            this.lexicon = Objects.requireNonNull(lexicon, "lexicon == null");
            return this;
        }

        /**
         * @param rule a misleading-claim rule to add
         * @return this builder
         * @throws IllegalArgumentException when a rule with the same id was already added
         */
        public Builder claimRule(ClaimRule rule) {
            Objects.requireNonNull(rule, "rule == null");
            for (ClaimRule r : claims) {
                if (r.id().equals(rule.id())) {
                    throw new IllegalArgumentException("claim rule '" + rule.id() + "' was already added");
                }
            }
            claims.add(rule);
            return this;
        }

        /** @return this builder with every claim rule removed */
        public Builder clearClaimRules() {
            claims.clear();
            return this;
        }

        /**
         * Turns on the claims recognised by their structure rather than by phrase (efficacy verb with a disease or
         * pathogen, weight-loss amounts, permanent or instant cosmetic results, shopper counters, lowest-price and
         * unsourced superlatives, first-person outcomes, clickbait; see {@code docs/governance.md}).
         *
         * @param on whether to look for them (the default policy does)
         * @return this builder
         */
        public Builder structuredClaims(boolean on) {
            this.structuredClaims = on;
            return this;
        }

        /**
         * @param rules counterfeit and brand-misuse rules (replace any earlier ones)
         * @return this builder
         */
        public Builder counterfeit(CounterfeitRules rules) {
            this.counterfeit = Objects.requireNonNull(rules, "rules == null");
            return this;
        }

        /**
         * Adds the retailer's own brands to the counterfeit rules and sets the brands it is authorized to sell.
         *
         * @param ownBrands brands to add to the lexicon
         * @param authorized brands never flagged
         * @return this builder
         * @throws IllegalStateException when no counterfeit rules were set yet
         */
        public Builder brands(List<String> ownBrands, List<String> authorized) {
            if (counterfeit == null) {
                throw new IllegalStateException("set counterfeit rules (or defaults()) before brands(...)");
            }
            counterfeit = counterfeit.withBrands(ownBrands, authorized);
            return this;
        }

        /**
         * @param kinds the kinds of personal data to redact (replaces the earlier set; empty turns PII off)
         * @param severity the severity of a PII finding (MEDIUM redacts under the default mapping)
         * @return this builder
         */
        public Builder pii(Set<PiiKind> kinds, Severity severity) {
            Objects.requireNonNull(kinds, "kinds == null");
            this.pii = kinds.isEmpty() ? EnumSet.noneOf(PiiKind.class) : EnumSet.copyOf(kinds);
            this.piiSeverity = Objects.requireNonNull(severity, "severity == null");
            return this;
        }

        /**
         * @param region the ISO 3166 region whose national phone formats are tried first ("GB", "US", ...); numbers
         *     with a country code are read by it, and national numbers of the other major regions are found too
         * @return this builder
         * @throws IllegalArgumentException when libphonenumber does not know the region
         */
        public Builder phoneRegion(String region) {
            Objects.requireNonNull(region, "region == null");
            String r = region.trim().toUpperCase(java.util.Locale.ROOT);
            if (!com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions().contains(r)) {
                throw new IllegalArgumentException("unknown phone region '" + region
                        + "': expected an ISO 3166 region code such as GB or US");
            }
            this.phoneRegion = r;
            return this;
        }

        /**
         * @param check a custom check to run after the built-in ones
         * @return this builder
         */
        public Builder check(TextCheck check) {
            custom.add(Objects.requireNonNull(check, "check == null"));
            return this;
        }

        /**
         * @param severity a severity
         * @param verdict the verdict a finding of that severity leads to
         * @return this builder
         */
        public Builder verdict(Severity severity, Verdict verdict) {
            verdicts.put(Objects.requireNonNull(severity, "severity == null"),
                    Objects.requireNonNull(verdict, "verdict == null"));
            return this;
        }

        /**
         * @param profile how findings become verdicts on top of the severity mapping (default
         *     {@link PolicyProfile#GENERATED_COPY})
         * @return this builder
         */
        public Builder profile(PolicyProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile == null");
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalStateException when no check at all was configured
         */
        public ContentPolicy build() {
            List<Check> checks = new ArrayList<>();
            if (lexicon != null && lexicon.size() > 0) {
                checks.add(new ProfanityCheck(lexicon));
            }
            if (!claims.isEmpty() || counterfeit != null || structuredClaims) {
                checks.add(new PhraseCheck(claims, counterfeit, structuredClaims ? new ClaimPatterns() : null));
            }
            if (!pii.isEmpty()) {
                checks.add(new PiiCheck(pii, piiSeverity, phoneRegion));
            }
            if (checks.isEmpty() && custom.isEmpty()) {
                throw new IllegalStateException("no checks configured: call profanity(...), claimRule(...), "
                        + "counterfeit(...), pii(...), check(...) or defaults()");
            }
            return new DefaultContentPolicy(checks, custom, verdicts, profile);
        }
    }
}
