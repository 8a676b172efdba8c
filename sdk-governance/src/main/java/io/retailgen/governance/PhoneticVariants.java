package io.retailgen.governance;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Spellings that sound like a lexicon word, made by rewriting it with English sound-alike rules rather than by
 * listing them: {@code ph} for {@code f} ({@code phuck}), {@code k} or {@code q} for a hard {@code c} or {@code ck}
 * ({@code fuk}, {@code fuq}, {@code kunt}), {@code y} for {@code i} ({@code shyt}), {@code zz} for {@code ss}
 * ({@code azzhole}), the one vowel sound of a short word spelled another way ({@code shiet}, {@code beetch}) or
 * drawled into two syllables ({@code biotch}, {@code dayum}), {@code a} for a final {@code er}
 * ({@code fucka}), and the vowels dropped ({@code fck}, {@code btch}, {@code fk}). The rules are applied one or two
 * at a time; a variant that is an English word ({@code fake}, {@code cot}) is never kept, so the variants only ever
 * add spellings that mean nothing else.
 */
final class PhoneticVariants {

    private PhoneticVariants() {
    }

    /**
     * @param term a lexicon word of lower-case ASCII letters
     * @param skeletons whether vowel-less spellings are made (they read as abbreviations for milder words: {@code
     *     dmn}, {@code frt})
     * @param allowTwoLetters whether a two-letter variant ({@code fk}) may be kept
     * @return its variants, without the term itself and without English words
     */
    static Set<String> of(String term, boolean skeletons, boolean allowTwoLetters) {
        Set<String> one = new LinkedHashSet<>();
        rewrite(term, skeletons, one);
        Set<String> all = new LinkedHashSet<>(one);
        for (String v : one) {
            if (v.startsWith("ph")) {
                rewrite(v, false, all); // "phuk": two rewrites only with the f sound
            }
        }
        if (skeletons) {
            all.addAll(vowelSwaps(term));
            all.addAll(drawls(term));
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : all) {
            if (!v.equals(term) && (v.length() >= 3 || (allowTwoLetters && v.length() == 2))
                    && !EnglishWords.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static void rewrite(String w, boolean skeletons, Set<String> out) {
        if (w.startsWith("f")) {
            out.add("ph" + w.substring(1));
        }
        if (w.contains("ck")) {
            out.add(w.replace("ck", "k"));
            if (skeletons) {
                out.add(dropVowels(w.replace("ck", "k"))); // "fk"
            }
            out.add(w.replace("ck", "q"));
        }
        String hard = hardC(w);
        if (!hard.equals(w)) {
            out.add(hard);
        }
        if (w.contains("ss")) {
            out.add(w.replace("ss", "zz"));
        }
        if (w.contains("i")) {
            out.add(w.replace('i', 'y'));
        }
        if (w.endsWith("er") && w.length() > 4) {
            out.add(w.substring(0, w.length() - 2) + "a");
        }
        String skeleton = skeletons ? dropVowels(w) : w;
        if (!skeleton.equals(w) && !skeleton.isEmpty()) {
            out.add(skeleton);
        }
    }

    private static final String[] VOWEL_SOUNDS = {"a", "e", "i", "o", "u", "ee", "ie", "y"};

    /**
     * @return {@code w} with its one group of vowels written another way ({@code shiet}, {@code beetch}, {@code
     *     fack}); nothing for words of fewer than four different letters in a row or more than six letters or more than one group of vowels
     */
    private static Set<String> vowelSwaps(String w) {
        Set<String> out = new LinkedHashSet<>();
        int s = -1;
        int e = -1;
        for (int i = 1; i < w.length(); i++) {
            if ("aeiou".indexOf(w.charAt(i)) >= 0) {
                if (e >= 0 && e < i) {
                    return out; // a second group of vowels
                }
                s = s < 0 ? i : s;
                e = i + 1;
            }
        }
        if (s < 0 || w.length() > 6 || withoutRepeats(w) < 4) {
            return out;
        }
        for (String v : VOWEL_SOUNDS) {
            out.add(w.substring(0, s) + v + w.substring(e));
        }
        return out;
    }

    /** Vowels of the second syllable of a drawled vowel: the glide is followed by a schwa. */
    private static final String[] SCHWAS = {"a", "o", "u"};

    /**
     * @return {@code w} with its one vowel drawled into two syllables, as dialect spellings write it: the vowel, an
     *     optional {@code y} glide and a schwa ({@code biatch}, {@code biotch}, {@code biyatch}), a front vowel also
     *     as {@code ey} ({@code beyotch}); a silent {@code n} after a final {@code m} is dropped first ({@code damn}
     *     to {@code dayum}). Same length limits as {@link #vowelSwaps}.
     */
    private static Set<String> drawls(String term) {
        String w = term.endsWith("mn") ? term.substring(0, term.length() - 1) : term;
        Set<String> out = new LinkedHashSet<>();
        int s = -1;
        for (int i = 1; i < w.length(); i++) {
            if ("aeiouy".indexOf(w.charAt(i)) >= 0) {
                if (s >= 0) {
                    return out; // a second vowel: only words of one short vowel are drawled
                }
                s = i;
            }
        }
        if (s < 0 || term.length() > 6 || term.length() < 4) {
            return out;
        }
        String head = w.substring(0, s + 1);
        String tail = w.substring(s + 1);
        for (String schwa : SCHWAS) {
            out.add(head + schwa + tail);
            out.add(head + "y" + schwa + tail);
            if (w.charAt(s) == 'i' || w.charAt(s) == 'e') {
                out.add(w.substring(0, s) + "ey" + schwa + tail);
            }
        }
        return out;
    }

    /** @return {@code w} with every {@code c} that sounds /k/ (before a, o, u, a consonant, or at the end) as k */
    private static String hardC(String w) {
        StringBuilder b = new StringBuilder(w);
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) != 'c') {
                continue;
            }
            char next = i + 1 < b.length() ? b.charAt(i + 1) : ' ';
            if (next != 'e' && next != 'i' && next != 'y' && next != 'h' && next != 'k') {
                b.setCharAt(i, 'k');
            }
        }
        return b.toString();
    }

    /** @return {@code w} without its vowels, except a first letter that is one */
    private static String dropVowels(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (i == 0 || "aeiou".indexOf(c) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The length of {@code w} with each run of one letter counted once ({@code "pooop"} is 3). */
    static int withoutRepeats(String w) {
        int n = w.isEmpty() ? 0 : 1;
        for (int i = 1; i < w.length(); i++) {
            if (w.charAt(i) != w.charAt(i - 1)) {
                n++;
            }
        }
        return n;
    }
}
