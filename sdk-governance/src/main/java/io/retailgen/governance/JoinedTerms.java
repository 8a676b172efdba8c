package io.retailgen.governance;

import java.util.Locale;
import java.util.Set;

/**
 * Two words that make a lexicon term when written together ({@code Dick Head} is {@code dickhead}, {@code Cum shot}
 * {@code cumshot}, {@code Cock Suckers} {@code cocksucker}): a reading of a name or title never holds for them.
 */
final class JoinedTerms {

    private JoinedTerms() {
    }

    /**
     * @param first a word
     * @param second the word after it
     * @param lexicon every lexicon term, lower case
     * @return true when the two written together are a lexicon term, its plural or its singular
     */
    static boolean formTerm(String first, String second, Set<String> lexicon) {
        String joined = (first + second).toLowerCase(Locale.ROOT);
        return lexicon.contains(joined) || lexicon.contains(joined + "s")
                || (joined.endsWith("s") && lexicon.contains(joined.substring(0, joined.length() - 1)));
    }
}
