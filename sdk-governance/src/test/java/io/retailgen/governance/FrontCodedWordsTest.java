package io.retailgen.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.retailgen.core.RetailGenException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FrontCodedWordsTest {

    /** Writes a sorted list the way tools/lexicons/front_code.py does. */
    private static List<String> encode(List<String> words) {
        List<String> lines = new ArrayList<>();
        String previous = "";
        for (String w : words) {
            int k = 0;
            while (k < Math.min(Math.min(w.length(), previous.length()), 9) && w.charAt(k) == previous.charAt(k)) {
                k++;
            }
            lines.add(k + w.substring(k));
            previous = w;
        }
        return lines;
    }

    @Test
    void decodesWhatWasEncodedIncludingLongSharedPrefixesAndAccents() {
        Random random = new Random(11);
        TreeSet<String> words = new TreeSet<>(List.of("a", "aa", "aah", "abracadabra", "abracadabras",
                "abracadabrasque", "café", "cafés", "z"));
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 1 + random.nextInt(14); n > 0; n--) {
                b.append((char) ('a' + random.nextInt(3)));
            }
            words.add(b.toString());
        }
        List<String> sorted = new ArrayList<>(words);
        assertEquals(sorted, FrontCodedWords.decode("t", encode(sorted)));
    }

    @Test
    void namesTheLineThatSharesMoreThanTheWordBeforeHasOrLacksItsCount() {
        RetailGenException tooMuch = assertThrows(RetailGenException.class,
                () -> FrontCodedWords.decode("list.txt", List.of("0ab", "3c")));
        assertTrue(tooMuch.getMessage().contains("list.txt: word 2 ('3c')"), tooMuch.getMessage());
        RetailGenException noCount = assertThrows(RetailGenException.class,
                () -> FrontCodedWords.decode("list.txt", List.of("apple")));
        assertTrue(noCount.getMessage().contains("word 1 ('apple')"), noCount.getMessage());
    }

    @Test
    void theShippedEnglishListDecodesToASortedListOfOrdinaryWords() {
        List<String> words = FrontCodedWords.decode(EnglishWords.RESOURCE,
                PolicyConfig.resourceLines(EnglishWords.RESOURCE));
        assertTrue(words.size() > 100_000, "words: " + words.size());
        for (int i = 1; i < words.size(); i++) {
            assertTrue(words.get(i - 1).compareTo(words.get(i)) < 0, words.get(i - 1) + " before " + words.get(i));
        }
        assertTrue(EnglishWords.contains("assassin"));
        assertTrue(EnglishWords.contains("classic") && !EnglishWords.contains("lassic"));
    }
}
