package io.retailgen.governance;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The English word list the Scunthorpe guard consults: SCOWL at size 70 (English, American and British spellings,
 * about 115,000 words; see {@code NOTICE.md}), loaded once on first use. A word of the list is ordinary English, so
 * a lexicon term found inside it, or as its stem, says nothing unless the word itself is in the lexicon.
 */
final class EnglishWords {

    static final String RESOURCE = "english-words.txt";

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
        String path = PolicyConfig.RESOURCE_DIR + RESOURCE;
        try (InputStream in = EnglishWords.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new RetailGenException(ErrorCode.IO, "no class-path resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> words = new HashSet<>(1 << 18);
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    words.add(line);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read " + path + ": " + e, e);
        }
    }
}
