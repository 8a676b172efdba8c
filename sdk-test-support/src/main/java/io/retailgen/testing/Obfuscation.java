package io.retailgen.testing;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Ways of disguising a lower-case ASCII word that people use to slip profanity past filters. Each style is a
 * deterministic function of the word and a random generator; callers seed the generator, so a run is repeatable.
 * Used by sdk-governance's catch-rate test and the benchmarks module's accuracy harness. A style may leave a word unchanged (a word without vowels cannot have its vowels replaced); the
 * harness counts only words that a style changes.
 */
public enum Obfuscation {
    /** Every letter with a leetspeak digit or symbol replaced: a->4/@, e->3, i->1/!, o->0, s->5/$, t->7. */
    LEET_ALL("leet, every letter") {
        @Override
        public String apply(String w, SplittableRandom r) {
            StringBuilder b = new StringBuilder();
            for (char c : w.toCharArray()) {
                String alt = leet(c);
                b.append(alt == null ? String.valueOf(c) : String.valueOf(alt.charAt(r.nextInt(alt.length()))));
            }
            return b.toString();
        }
    },
    /** One letter (chosen at random among those that have one) replaced by its leetspeak form. */
    LEET_ONE("leet, one letter") {
        @Override
        public String apply(String w, SplittableRandom r) {
            int[] idx = positions(w, c -> leet(c) != null);
            if (idx.length == 0) {
                return w;
            }
            int i = idx[r.nextInt(idx.length)];
            String alt = leet(w.charAt(i));
            return w.substring(0, i) + alt.charAt(r.nextInt(alt.length())) + w.substring(i + 1);
        }
    },
    /** Letters separated by single spaces: {@code f u c k}. */
    SPACED("spaced letters") {
        @Override
        public String apply(String w, SplittableRandom r) {
            return join(w, " ");
        }
    },
    /** Letters separated by dots: {@code f.u.c.k}. */
    DOTTED("dotted letters") {
        @Override
        public String apply(String w, SplittableRandom r) {
            return join(w, ".");
        }
    },
    /** Letters separated by hyphens: {@code f-u-c-k}. */
    HYPHENATED("hyphenated letters") {
        @Override
        public String apply(String w, SplittableRandom r) {
            return join(w, "-");
        }
    },
    /** One letter (a vowel when there is one) repeated to 3-6 copies: {@code fuuuuck}. */
    REPEATED("repeated letter") {
        @Override
        public String apply(String w, SplittableRandom r) {
            int[] idx = positions(w, Obfuscation::isVowel);
            if (idx.length == 0) {
                idx = positions(w, c -> true);
            }
            int i = idx[r.nextInt(idx.length)];
            int copies = 3 + r.nextInt(4);
            return w.substring(0, i) + String.valueOf(w.charAt(i)).repeat(copies) + w.substring(i + 1);
        }
    },
    /** A zero-width character (U+200B, U+200C, U+200D or U+2060, at random) between every two letters. */
    ZERO_WIDTH("zero-width characters") {
        @Override
        public String apply(String w, SplittableRandom r) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < w.length(); i++) {
                if (i > 0) {
                    b.append(ZW[r.nextInt(ZW.length)]);
                }
                b.append(w.charAt(i));
            }
            return b.toString();
        }
    },
    /** Every letter that has a Cyrillic look-alike replaced by it (а е о р с у х і ј ѕ һ). */
    CYRILLIC("Cyrillic look-alikes") {
        @Override
        public String apply(String w, SplittableRandom r) {
            return map(w, "aeopcyxijsh", "\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u04BB");
        }
    },
    /** Every letter that has a Greek look-alike replaced by it (ο α ε ι κ ν ρ τ υ χ β η). */
    GREEK("Greek look-alikes") {
        @Override
        public String apply(String w, SplittableRandom r) {
            return map(w, "oaeikvptuxbn", "\u03BF\u03B1\u03B5\u03B9\u03BA\u03BD\u03C1\u03C4\u03C5\u03C7\u03B2\u03B7");
        }
    },
    /** Every vowel (and c, n, y) replaced by a precomposed accented letter: {@code fück}, {@code shït}. */
    DIACRITICS_PRECOMPOSED("diacritics, precomposed") {
        @Override
        public String apply(String w, SplittableRandom r) {
            StringBuilder b = new StringBuilder();
            for (char c : w.toCharArray()) {
                String alt = precomposed(c);
                b.append(alt == null ? String.valueOf(c) : String.valueOf(alt.charAt(r.nextInt(alt.length()))));
            }
            return b.toString();
        }
    },
    /** A combining mark (acute, grave, circumflex, diaeresis, tilde, ring) after every vowel. */
    DIACRITICS_COMBINING("diacritics, combining marks") {
        @Override
        public String apply(String w, SplittableRandom r) {
            StringBuilder b = new StringBuilder();
            for (char c : w.toCharArray()) {
                b.append(c);
                if (isVowel(c)) {
                    b.append(COMBINING[r.nextInt(COMBINING.length)]);
                }
            }
            return b.toString();
        }
    },
    /** Every letter in its fullwidth form (U+FF41...), upper or lower case at random. */
    FULLWIDTH("fullwidth forms") {
        @Override
        public String apply(String w, SplittableRandom r) {
            StringBuilder b = new StringBuilder();
            for (char c : w.toCharArray()) {
                if (c >= 'a' && c <= 'z') {
                    b.append((char) ((r.nextBoolean() ? 0xFF41 : 0xFF21) + (c - 'a')));
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
    },
    /** Random upper and lower case, with at least one of each: {@code FuCk}. */
    MIXED_CASE("mixed case") {
        @Override
        public String apply(String w, SplittableRandom r) {
            if (w.length() < 2) {
                return w.toUpperCase(Locale.ROOT);
            }
            char[] a = w.toCharArray();
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextBoolean() ? Character.toUpperCase(a[i]) : a[i];
            }
            String s = new String(a);
            if (s.equals(w)) {
                int i = r.nextInt(a.length);
                a[i] = Character.toUpperCase(a[i]);
            } else if (s.equals(w.toUpperCase(Locale.ROOT))) {
                int i = r.nextInt(a.length);
                a[i] = Character.toLowerCase(a[i]);
            }
            return new String(a);
        }
    },
    /** One interior letter (a vowel when there is one) replaced by a star: {@code f*ck}, {@code sh*t}. */
    MASK_ONE("one letter masked with *") {
        @Override
        public String apply(String w, SplittableRandom r) {
            if (w.length() < 3) {
                return w;
            }
            int[] idx = positions(w.substring(1, w.length() - 1), Obfuscation::isVowel);
            int i = idx.length > 0 ? 1 + idx[r.nextInt(idx.length)] : 1 + r.nextInt(w.length() - 2);
            return w.substring(0, i) + '*' + w.substring(i + 1);
        }
    },
    /** Two adjacent interior letters replaced by stars: {@code f**k}, {@code b**ch}; words of 4+ letters. */
    MASK_TWO("two letters masked with **") {
        @Override
        public String apply(String w, SplittableRandom r) {
            if (w.length() < 4) {
                return w;
            }
            int i = 1 + r.nextInt(w.length() - 3);
            return w.substring(0, i) + "**" + w.substring(i + 2);
        }
    },
    /** Two styles in a row, the pair chosen per word from {@link #PAIRS}. */
    MIXED_TWO("two styles combined") {
        @Override
        public String apply(String w, SplittableRandom r) {
            Obfuscation[] pair = PAIRS.get(r.nextInt(PAIRS.size()));
            return pair[1].apply(pair[0].apply(w, r), r);
        }
    };

    private static final char[] ZW = {'\u200B', '\u200C', '\u200D', '\u2060'};
    private static final char[] COMBINING = {'\u0301', '\u0300', '\u0302', '\u0308', '\u0303', '\u030A'};

    /**
     * The pairs of {@link #MIXED_TWO}: the first style is applied to the plain word, the second to the result
     * (letter-replacing styles first, letter-separating and case styles second, so that the second still sees
     * letters).
     */
    public static final List<Obfuscation[]> PAIRS = List.of(
            new Obfuscation[] {LEET_ONE, SPACED},
            new Obfuscation[] {LEET_ONE, REPEATED},
            new Obfuscation[] {LEET_ONE, MIXED_CASE},
            new Obfuscation[] {CYRILLIC, ZERO_WIDTH},
            new Obfuscation[] {GREEK, REPEATED},
            new Obfuscation[] {DIACRITICS_PRECOMPOSED, DOTTED},
            new Obfuscation[] {REPEATED, MIXED_CASE},
            new Obfuscation[] {MIXED_CASE, SPACED},
            new Obfuscation[] {FULLWIDTH, SPACED},
            new Obfuscation[] {ZERO_WIDTH, MIXED_CASE},
            new Obfuscation[] {MASK_ONE, MIXED_CASE},
            new Obfuscation[] {MASK_ONE, REPEATED});

    private final String label;

    Obfuscation(String label) {
        this.label = label;
    }

    /** @return a short human-readable name for reports */
    public String label() {
        return label;
    }

    /**
     * @param word a lower-case ASCII word
     * @param r the random generator (the only source of randomness)
     * @return the disguised word
     */
    public abstract String apply(String word, SplittableRandom r);

    private static String leet(char c) {
        switch (c) {
            case 'a':
                return "4@";
            case 'e':
                return "3";
            case 'i':
                return "1!";
            case 'o':
                return "0";
            case 's':
                return "5$";
            case 't':
                return "7";
            default:
                return null;
        }
    }

    private static String precomposed(char c) {
        switch (c) {
            case 'a':
                return "áàâäãå";
            case 'e':
                return "éèêë";
            case 'i':
                return "íìîï";
            case 'o':
                return "óòôöõ";
            case 'u':
                return "úùûü";
            case 'c':
                return "ç";
            case 'n':
                return "ñ";
            case 'y':
                return "ýÿ";
            default:
                return null;
        }
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private interface CharTest {
        boolean test(char c);
    }

    private static int[] positions(String w, CharTest t) {
        int n = 0;
        int[] idx = new int[w.length()];
        for (int i = 0; i < w.length(); i++) {
            if (t.test(w.charAt(i))) {
                idx[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(idx, n);
    }

    private static String join(String w, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(w.charAt(i));
        }
        return b.toString();
    }

    private static String map(String w, String from, String to) {
        StringBuilder b = new StringBuilder();
        for (char c : w.toCharArray()) {
            int k = from.indexOf(c);
            b.append(k < 0 ? c : to.charAt(k));
        }
        return b.toString();
    }
}
