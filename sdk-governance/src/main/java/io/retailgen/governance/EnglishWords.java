package io.retailgen.governance;

import java.util.Set;

/**
 * The English word list the Scunthorpe guard consults: SCOWL at size 70 (English, American and British spellings,
 * about 115,000 words; see {@code NOTICE.md}; front-coded on the class path, see {@link FrontCodedWords}), loaded
 * once on first use. A word of the list is ordinary English, so
 * a lexicon term found inside it, or as its stem, says nothing unless the word itself is in the lexicon.
 */
final class EnglishWords {

    static final String RESOURCE = "english-words.fc.txt";

    private EnglishWords() {
    }

    private static final class Holder {
        static final Set<String> WORDS = load();
    }

    /** @return true when {@code word} (lower case letters) is in the list */
    static boolean contains(String word) {
        return Holder.WORDS.contains(word);
    }

    /** @return the whole list (unmodifiable) */
    static Set<String> all() {
        return Holder.WORDS;
    }

    private static Set<String> load() {
        return Set.copyOf(FrontCodedWords.decode(RESOURCE, PolicyConfig.resourceLines(RESOURCE)));
    }
}
