package io.retailgen.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Brand names that the phrase view cannot see, and shop handles, for the counterfeit rules:
 *
 * <ul>
 *   <li>brands read through the same normalization as profanity: in the strict view, where leetspeak is undone and
 *       letters written one by one are joined ({@code R0l3x}, {@code N I K E}), and written with masks or
 *       multi-reading leet symbols ({@code R*lex}, {@code Pr@da}; see {@link DisguisedWords});</li>
 *   <li>hashtags and shop domains that name the replica trade ({@code #repsneakers}, {@code #adidasreps}, {@code
 *       #fakeitorneverwear}, {@code #1to1}, {@code #ua}) or a brand with sale words on a domain of their own
 *       ({@code www.cheapguccioutlet.top}).</li>
 * </ul>
 *
 * Immutable and thread-safe.
 */
final class BrandSightings {

    /** A brand or handle found, with its span in the original text. */
    record Sighting(int start, int end, String brand, boolean handle) {
    }

    private static final String[] HANDLE_PREFIXES = {"reps", "replica", "fake", "clone", "superclone", "dupe",
        "1to1", "topbatch", "bestbatch"};
    private static final String[] HANDLE_SUFFIXES = {"rep", "reps", "replica", "replicas", "fake", "fakes", "clone",
        "clones", "dupe", "dupes", "1to1", "aaa", "batch"};
    private static final String[] HANDLE_EXACT = {"ua", "aaa", "aaaa", "1to1", "rep", "reps"};
    private static final String[] DOMAIN_WORDS = {"cheap", "outlet", "replica", "reps", "fake", "discount", "sale",
        "clone", "copy", "aaa", "wholesale", "factory"};

    private final List<String> brandNames;
    private final AhoCorasick strict;
    private final List<String> maskable;
    private final DisguisedWords masked;
    /** Brands as plain letters, to find inside handles and domains. */
    private final AhoCorasick inside;
    private final List<String> insideNames;

    /** @param brands the brand lexicon (brands of fewer than four letters are left to the phrase view) */
    BrandSightings(List<String> brands) {
        List<String> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> letters = new ArrayList<>();
        List<String> letterNames = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String b : brands) {
            String key = Normalizer.strictTerm(b).text().strip();
            String plain = Normalizer.phraseTerm(b).replaceAll("[^a-z]", "");
            if (plain.length() < 4 || allEnglish(Normalizer.phraseTerm(b)) || !seen.add(key)) {
                continue; // "coma", "apple", "north face": disguising an English word says nothing
            }
            keys.add(key);
            names.add(b.strip());
            {
                letters.add(plain);
                letterNames.add(b.strip());
                if (plain.equals(Normalizer.phraseTerm(b))) {
                    words.add(plain);
                }
            }
        }
        brandNames = List.copyOf(names);
        strict = new AhoCorasick(keys, AhoCorasick.Anchor.WORD_START, c -> TextView.isWordChar((char) c),
                c -> TextView.isWordChar((char) c), null);
        maskable = List.copyOf(words);
        masked = new DisguisedWords(maskable);
        inside = new AhoCorasick(letters);
        insideNames = List.copyOf(letterNames);
    }

    /** @return the brands in the strict view and those written with masks; spans in the original text */
    List<Sighting> disguisedBrands(Analysis analysis) {
        List<Sighting> out = new ArrayList<>();
        TextView v = analysis.strict();
        strict.search(v.chars, v.length, (p, end) -> {
            int start = end - strict.patternLength(p);
            if (v.wordStart(start) && v.wordEnd(end)) {
                out.add(new Sighting(v.originalStart(start), v.originalEnd(end), brandNames.get(p), false));
            }
        });
        TextView light = analysis.light();
        masked.scan(light, (t, from, to, inflection) -> {
            if (inflection.isEmpty()) {
                out.add(new Sighting(light.originalStart(from), light.originalEnd(to), maskable.get(t), false));
            }
        });
        return out;
    }

    /** @return hashtags and domains of the replica trade in the light view; {@code brand} set when one names one */
    List<Sighting> handles(String text, TextView light) {
        if (text.indexOf('#') < 0 && !dotBeforeLetter(text)) {
            return List.of(); // no hashtag and no host name: the common case, found by vectorised searches
        }
        List<Sighting> out = null;
        char[] c = light.chars;
        int n = light.length;
        for (int i = 0; i < n; i++) {
            char x = c[i];
            if (x == '#' && i + 1 < n && CharClass.isLetterOrDigit(c[i + 1]) && (i == 0 || !CharClass.isLetterOrDigit(c[i - 1]))) {
                int e = i + 1;
                while (e < n && CharClass.isLetterOrDigit(c[e])) {
                    e++;
                }
                String tag = new String(c, i + 1, e - i - 1);
                if (tradeTag(tag)) {
                    out = add(out, new Sighting(light.originalStart(i), light.originalEnd(e), brandIn(tag), true));
                }
                i = e - 1;
            } else if (x == '.' && i > 0 && i + 1 < n && CharClass.isLetter(c[i - 1]) && CharClass.isLetter(c[i + 1])) {
                int s = i;
                while (s > 0 && c[s - 1] != ' ') {
                    s--;
                }
                int e = i;
                while (e < n && c[e] != ' ') {
                    e++;
                }
                while (e > s && !CharClass.isLetterOrDigit(c[e - 1])) {
                    e--;
                }
                String host = new String(c, s, e - s).toLowerCase(Locale.ROOT);
                Sighting d = domain(host, light.originalStart(s), light.originalEnd(e));
                if (d != null) {
                    out = add(out, d);
                }
                i = e;
            }
        }
        return out == null ? List.of() : out;
    }

    private static boolean allEnglish(String words) {
        for (String w : words.split(" ")) {
            if (!EnglishWords.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** {@code h[0, end)} with everything but a-z and 0-9 left out (no regular expression: this runs per host name). */
    private static String lettersAndDigits(String h, int end) {
        StringBuilder b = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char x = h.charAt(i);
            if (x >= 'a' && x <= 'z' || x >= '0' && x <= '9') {
                b.append(x);
            }
        }
        return b.toString();
    }

    private static boolean dotBeforeLetter(String text) {
        for (int i = text.indexOf('.'); i >= 0 && i + 1 < text.length(); i = text.indexOf('.', i + 1)) {
            if (Character.isLetter(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static List<Sighting> add(List<Sighting> out, Sighting s) {
        List<Sighting> l = out == null ? new ArrayList<>() : out;
        l.add(s);
        return l;
    }

    private static boolean tradeTag(String tag) {
        for (String x : HANDLE_EXACT) {
            if (tag.equals(x)) {
                return true;
            }
        }
        for (String p : HANDLE_PREFIXES) {
            if (tag.startsWith(p) && tag.length() > p.length()) {
                return true;
            }
        }
        for (String s : HANDLE_SUFFIXES) {
            if (tag.endsWith(s) && tag.length() > s.length() + 2) {
                return true;
            }
        }
        return false;
    }

    /** A host name whose labels carry a brand with sale words, or a replica-trade word on its own. */
    private Sighting domain(String host, int start, int end) {
        String h = withoutSchemeAndWww(host);
        int slash = h.indexOf('/');
        if (slash >= 0) {
            h = h.substring(0, slash);
        }
        int dot = h.lastIndexOf('.');
        if (dot <= 0 || h.length() - dot - 1 < 2 || !lettersFrom(h, dot + 1)) {
            return null;
        }
        String name = lettersAndDigits(h, dot);
        boolean trade = false;
        for (String w : DOMAIN_WORDS) {
            trade |= name.contains(w);
        }
        if (!trade) {
            return null;
        }
        String brand = brandIn(name);
        boolean replicaWord = name.contains("replica") || name.contains("reps") || name.contains("fake")
                || name.contains("clone");
        return brand != null || replicaWord ? new Sighting(start, end, brand, true) : null;
    }

    /**
     * @return {@code host} without one leading {@code http://} or {@code https://}, then without one leading {@code
     *     www.} (no regular expression: this runs per host name)
     */
    static String withoutSchemeAndWww(String host) {
        String h = host.startsWith("http://") ? host.substring(7) : host.startsWith("https://") ? host.substring(8)
                : host;
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    /** @return true when every char of {@code s} from {@code from} on is a letter */
    private static boolean lettersFrom(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private String brandIn(String s) {
        String[] found = new String[1];
        String lower = s.toLowerCase(Locale.ROOT);
        inside.search(lower.toCharArray(), lower.length(), (p, end) -> {
            if (found[0] == null) {
                found[0] = insideNames.get(p);
            }
        });
        return found[0];
    }
}
