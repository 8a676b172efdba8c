package io.retailgen.governance;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Spellings that sound like a lexicon word, made by rewriting it with English sound-alike rules rather than by
 * listing them: {@code ph} for {@code f} ({@code phuck}), {@code k} or {@code q} for a hard {@code c} or {@code ck}
 * ({@code fuk}, {@code fuq}, {@code kunt}), {@code y} for {@code i} ({@code shyt}), {@code a} for a final {@code er}
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
            rewrite(v, skeletons, all);
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
            out.add(w.replace("ck", "q"));
        }
        String hard = hardC(w);
        if (!hard.equals(w)) {
            out.add(hard);
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
}
