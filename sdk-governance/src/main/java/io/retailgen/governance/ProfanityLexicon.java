package io.retailgen.governance;

import io.retailgen.core.intercept.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Inappropriate words and phrases with a severity each, plus an allow-list of words that must never be flagged even
 * though a term matches them (with an inflection such as {@code -s} or {@code -y}). Terms and allowed words are
 * matched after the same normalization (see {@link ContentPolicy}), so {@code "fuck"} also catches {@code "F.U.C.K"},
 * {@code "fμck"} and {@code "fuuuck"}, and only whole words match: {@code "ass"} never matches {@code "class"} or
 * {@code "Scunthorpe"}-style embeddings.
 *
 * <pre>{@code
 * ProfanityLexicon lexicon = ProfanityLexicon.builder()
 *         .term("darn", Severity.LOW)
 *         .allow("butter")
 *         .build();
 * ProfanityLexicon shipped = ProfanityLexicon.defaults(); // LDNOOBW (CC-BY-4.0) + cuss (MIT), see NOTICE.md
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ProfanityLexicon {

    private final Map<String, Severity> terms;
    private final Set<String> allowed;

    private ProfanityLexicon(Map<String, Severity> terms, Set<String> allowed) {
        this.terms = Collections.unmodifiableMap(new TreeMap<>(terms));
        this.allowed = Collections.unmodifiableSet(new TreeSet<>(allowed));
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The lexicon of the default policy: the shipped LDNOOBW and cuss lists with the severities, exclusions and
     * allow-list of the shipped {@code default-policy.json}.
     *
     * @return the default lexicon
     */
    public static ProfanityLexicon defaults() {
        return PolicyConfig.defaultConfig().lexicon();
    }

    /** @return every term (lower case, as given) with its severity, sorted */
    public Map<String, Severity> terms() {
        return terms;
    }

    /** @return the allowed words, sorted */
    public Set<String> allowed() {
        return allowed;
    }

    /** @return the number of terms */
    public int size() {
        return terms.size();
    }

    /** Collects terms and allowed words. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Severity> terms = new LinkedHashMap<>();
        private final Set<String> allowed = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Adds a term, or raises its severity when it is already present.
         *
         * @param term a word or phrase, not blank
         * @param severity its severity
         * @return this builder
         */
        public Builder term(String term, Severity severity) {
            String t = checkTerm(term, "term");
            Objects.requireNonNull(severity, "severity == null");
            terms.merge(t, severity, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            return this;
        }

        /**
         * Sets a term's severity, replacing any earlier one.
         *
         * @param term a word or phrase, not blank
         * @param severity its severity
         * @return this builder
         */
        public Builder override(String term, Severity severity) {
            String t = checkTerm(term, "term");
            terms.put(t, Objects.requireNonNull(severity, "severity == null"));
            return this;
        }

        /**
         * @param term a term to drop (no effect when absent)
         * @return this builder
         */
        public Builder remove(String term) {
            terms.remove(checkTerm(term, "term"));
            return this;
        }

        /**
         * @param word a whole word that must never be flagged, such as {@code "butter"}
         * @return this builder
         */
        public Builder allow(String word) {
            allowed.add(checkTerm(word, "allowed word"));
            return this;
        }

        /**
         * @param other a lexicon whose terms (merged by highest severity) and allowed words to add
         * @return this builder
         */
        public Builder addAll(ProfanityLexicon other) {
            Objects.requireNonNull(other, "other == null");
            other.terms.forEach(this::term);
            allowed.addAll(other.allowed);
            return this;
        }

        /** @return the lexicon (may be empty) */
        public ProfanityLexicon build() {
            return new ProfanityLexicon(terms, allowed);
        }

        private static String checkTerm(String term, String what) {
            Objects.requireNonNull(term, what + " == null");
            String t = term.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return t;
        }
    }
}
