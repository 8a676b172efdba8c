package io.retailgen.governance;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a front-coded word list: each line is one digit, the number of leading characters the word shares with the
 * word before (0-9), followed by the rest of the word. A sorted list packs to about 60% of its plain size in the jar
 * (the English word list: 318 KB to 194 KB), which keeps {@code sdk-governance} small; the lists are written by
 * {@code tools/lexicons/front_code.py}.
 */
final class FrontCodedWords {

    private FrontCodedWords() {
    }

    /**
     * @param name the resource's name, for errors
     * @param lines the resource's lines, comments and blank lines already left out
     * @return the words, in the order of the lines
     * @throws RetailGenException when a line does not start with a digit or shares more characters than the word
     *     before has
     */
    static List<String> decode(String name, List<String> lines) {
        List<String> words = new ArrayList<>(lines.size());
        String previous = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            char c = line.charAt(0);
            int shared = c - '0';
            if (c < '0' || c > '9' || shared > previous.length()) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, name + ": word " + (i + 1) + " ('" + line
                        + "') must start with the count (0-" + Math.min(9, previous.length())
                        + ") of leading characters shared with the word before ('" + previous + "')");
            }
            String word = previous.substring(0, shared) + line.substring(1);
            words.add(word);
            previous = word;
        }
        return words;
    }
}
