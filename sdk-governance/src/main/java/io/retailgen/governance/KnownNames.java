package io.retailgen.governance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names of things that contain a lexicon word and mean nothing offensive as a whole ({@code spotted dick}, {@code
 * blue tit}, {@code pussy willow}, {@code cock-a-leekie}, {@code shittah tree}): the multi-word nouns and proper
 * names of WordNet 3.0 that hold a lexicon term, none of whose senses WordNet files under obscenity, and none of
 * whose words is a surely profane term (the list is made by {@code tools/lexicons/wordnet_extract.py}). A profanity
 * match that lies inside one of these names, written with spaces or hyphens between its words, is part of the name.
 * Immutable and thread-safe.
 */
final class KnownNames {

    static final String RESOURCE = "names-wordnet.txt";

    private final AhoCorasick names;
    /** Every word of every name, to skip the search for a match that is no word of any name. */
    private final Set<String> words;

    /**
     * @param names the names, lower case, words separated by spaces or hyphens
     */
    KnownNames(List<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> allWords = new java.util.HashSet<>();
        for (String n : names) {
            String key = fold(n).strip();
            if (!key.isEmpty()) {
                keys.add(key);
                allWords.addAll(java.util.Arrays.asList(key.split(" +")));
            }
        }
        this.words = Set.copyOf(allWords);
        this.names = new AhoCorasick(new ArrayList<>(keys), AhoCorasick.Anchor.WORD_START,
                c -> Character.isLetterOrDigit((char) c));
    }

    /** Runs of spaces, compiled once: {@link #covers} runs for every profanity finding. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");

    /** @return the names shipped with the SDK */
    static KnownNames wordNet() {
        return new KnownNames(PolicyConfig.resourceLines(RESOURCE));
    }

    /**
     * @param text the text
     * @param start the first index of a match in {@code text}
     * @param end the index after it
     * @return true when a whole known name in {@code text} covers {@code [start, end)}
     */
    boolean covers(String text, int start, int end) {
        for (String w : SPACES.split(fold(text.substring(start, end)).strip())) {
            if (!words.contains(w) && !(w.endsWith("s") && words.contains(w.substring(0, w.length() - 1)))) {
                return false; // the match holds a word of no name ("fuck"): no search needed
            }
        }
        String folded = fold(text);
        char[] chars = folded.toCharArray();
        boolean[] covered = {false};
        names.search(chars, chars.length, (p, e) -> {
            int s = e - names.patternLength(p);
            int plural = e < chars.length && chars[e] == 's' ? e + 1 : e; // the name's plural: "blue tits"
            for (int x : new int[] {e, plural}) {
                if (s <= start && end <= x && (x == chars.length || !Character.isLetterOrDigit(chars[x]))) {
                    covered[0] = true;
                }
            }
        });
        return covered[0];
    }

    /**
     * @return {@code s} in lower case with every char other than a letter, a digit or an apostrophe as a space;
     *     the same length as {@code s}, so that indices carry over
     */
    static String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            char c = s.charAt(i);
            out[i] = Character.isLetterOrDigit(c) || c == '\'' ? Character.toLowerCase(c) : ' ';
        }
        return new String(out);
    }

    @Override
    public String toString() {
        return "KnownNames[" + names.patternCount() + " names]";
    }
}
