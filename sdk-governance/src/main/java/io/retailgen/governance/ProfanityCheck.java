package io.retailgen.governance;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Whole-word lexicon matching over the strict view. */
final class ProfanityCheck implements Check {

    private static final String[] SUFFIXES = {"s", "es", "ed", "ing", "y", "z"};

    /** A lexicon term, or ({@code variant}) a sound-alike spelling of one ({@link PhoneticVariants}). */
    private record Entry(String term, int[] runs, Severity severity, boolean variant) {
    }

    /** Reports every occurrence: for texts with letters written one by one, whose matches may start mid-word. */
    private final AhoCorasick matcher;
    /** Reports only occurrences at word starts, the only ones accepted in texts without joined letters. */
    private final AhoCorasick atWordStart;
    /** Single-word lexicon terms written with symbols ({@code f*ck}, {@code bu11$h1t}), and their entries. */
    private final DisguisedWords disguises;
    private final List<Entry> disguisedEntries;
    private final List<List<Entry>> entries;
    private final Set<String> allowed;
    /** Every lexicon term as given (lower case), to tell a listed inflection from an ordinary dictionary word. */
    private final Set<String> lexiconWords;

    ProfanityCheck(ProfanityLexicon lexicon) {
        Map<String, List<Entry>> byKey = new HashMap<>();
        for (Map.Entry<String, Severity> e : lexicon.terms().entrySet()) {
            addEntry(byKey, e.getKey(), e.getKey(), e.getValue(), false);
        }
        Set<String> termKeys = Set.copyOf(byKey.keySet());
        for (Map.Entry<String, Severity> e : lexicon.terms().entrySet()) {
            String t = e.getKey();
            if (t.length() < 3 || t.length() > 12 || !t.chars().allMatch(c -> c >= 'a' && c <= 'z')
                    || e.getValue().compareTo(Severity.MEDIUM) < 0) {
                continue; // sound-alikes only of words that are at least MEDIUM
            }
            boolean sure = e.getValue().compareTo(Severity.HIGH) >= 0;
            boolean twoLetters = sure && t.length() == 4 && EnglishWords.contains(t);
            boolean skeletons = e.getValue().compareTo(Severity.MEDIUM) >= 0;
            for (String variant : PhoneticVariants.of(t, skeletons, twoLetters)) {
                String key = Normalizer.strictTerm(variant).text().strip();
                if ((key.length() >= 3 || twoLetters) && !termKeys.contains(key)) {
                    addEntry(byKey, variant, t, e.getValue(), true);
                }
            }
        }
        List<String> keys = new ArrayList<>(byKey.keySet());
        keys.sort(null);
        entries = new ArrayList<>(keys.size());
        for (String k : keys) {
            entries.add(List.copyOf(byKey.get(k)));
        }
        // a match must end at a word end or before one of the SUFFIXES: skip those followed by any other word char
        java.util.function.IntPredicate blocksNext = c -> TextView.isWordChar((char) c) && !suffixStart((char) c);
        matcher = new AhoCorasick(keys, AhoCorasick.Anchor.ANYWHERE, null, blocksNext, null);
        atWordStart = new AhoCorasick(keys, AhoCorasick.Anchor.WORD_START, c -> TextView.isWordChar((char) c),
                blocksNext, null);
        List<String> words = new ArrayList<>();
        List<Entry> wordEntries = new ArrayList<>();
        for (Map.Entry<String, Severity> e : lexicon.terms().entrySet()) {
            String t = e.getKey();
            if (t.length() >= 3 && t.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                words.add(t);
                wordEntries.add(new Entry(t, null, e.getValue(), false));
            }
        }
        disguises = new DisguisedWords(words);
        disguisedEntries = List.copyOf(wordEntries);
        Set<String> allow = new HashSet<>();
        for (String a : lexicon.allowed()) {
            allow.add(Normalizer.strictTerm(a).text().strip());
        }
        allowed = Set.copyOf(allow);
        lexiconWords = Set.copyOf(lexicon.terms().keySet());
    }

    /** Sentence-initial and pronoun-like words whose capital says nothing about a name that follows them. */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "you", "your", "you're", "he", "she",
            "it", "we", "they", "i", "this", "that", "what", "such", "my", "his", "her", "our", "their", "oh", "hey",
            "no", "not", "so", "and", "or", "but", "is", "are", "was", "be", "total", "big", "little", "old");

    /**
     * The Scunthorpe guard for a match that covers the whole word {@code [ws, we)} of the strict view: true when the
     * word is ordinary English and not itself in the lexicon, or a lexicon word of lesser severity used as part of a
     * capitalised name.
     *
     * <ul>
     *   <li>A term plus an inflection ({@code pric+ed}, {@code spik+ed}, {@code pud+ding}) that spells a word of the
     *       English list is that word, not the term: it is flagged only when the lexicon lists the inflected word
     *       itself ({@code fucked}, {@code shitty}), or when the term is surely profane (severity HIGH or more) and
     *       the inflection is a plural of a term that is an English word itself, which keeps the noun's sense
     *       ({@code cunts}). The same holds for a word whose repeated letters were collapsed ({@code sloppy} is not
     *       {@code slopy}).</li>
     *   <li>A term of severity below HIGH that is also an English word ({@code dick}, {@code tit}, {@code cock})
     *       written with a capital next to another capitalised content word is part of a name ({@code Spotted Dick},
     *       {@code Great Tit}, {@code Moby Dick}).</li>
     * </ul>
     */
    private boolean ordinaryWord(String text, TextView v, int ws, int end, int we, String term, Severity severity) {
        String word = spelled(v, ws, we);
        if (!lexiconWords.contains(word)) {
            if (!EnglishWords.contains(word)) {
                // a capitalised word spelled unlike any lexicon word, after a word that introduces a place, or
                // written as a family name
                int os = v.originalStart(ws);
                int oe = v.originalEnd(we);
                return placeName(text, os, oe) || (surnameShape(word, term) && familyName(text, os, oe));
            }
            // an English word that the lexicon does not list: a stem or a collapsed spelling ("sloppy") inside it
            String suffix = v.substring(end, we);
            boolean plural = suffix.equals("s") || suffix.equals("es");
            return !(plural && word.equals(term + suffix) && severity.compareTo(Severity.HIGH) >= 0
                    && EnglishWords.contains(term));
        }
        if (settlementFollows(text, v.originalEnd(we))
                && placeName(text, v.originalStart(ws), v.originalEnd(we))) {
            return true; // a town named like a lexicon word: "Free delivery to Fucking and nearby towns"
        }
        int os = v.originalStart(ws);
        int oe = v.originalEnd(we);
        if (writtenAsName(text, os, oe) && (regionOfAnAddress(text, Places.REGIONS.placeEnd(text, oe),
                placeCueBefore(text, os)) || regionOfAnAddress(text, Places.REGIONS.placeEnd(text,
                secondWordOfName(text, oe)), placeCueBefore(text, os)))) {
            return true; // a town named like a lexicon word, then its region: "Dildo, Newfoundland", "Titty Ho, ..."
        }
        if (streetName(text, os, oe)) {
            return true; // a street named like a lexicon word: "Grope Lane, Shrewsbury"
        }
        if (titles().inTitle(text, os, oe, lexiconWords)) {
            return true; // a title of a work or a house: "The Bastard Executioner DVD", "The Black Cock Inn"
        }
        if (end < we || severity.compareTo(Severity.HIGH) >= 0 || !EnglishWords.contains(word)) {
            return false;
        }
        if (hyphenParts(text, os, oe) >= 2 && text.substring(os, oe).indexOf('-') < 0
                && !lexiconWords.contains(hyphenToken(text, os, oe).replace("-", "").toLowerCase(Locale.ROOT))) {
            return true; // a hyphenated name: cock-a-leekie, cock-of-the-rock; not a lexicon word split: dick-head
        }
        if (!Character.isUpperCase(text.charAt(os)) || allUpper(text, os, oe)) {
            return false;
        }
        return (capitalisedNeighbour(text, os, -1) && !evaluatedBefore(text, os))
                || (capitalisedNeighbour(text, oe, 1) && (properNameAfter(text, oe)
                        || (surnameAfter(text, oe, word, lexiconWords) && !evaluatedBefore(text, os))));
    }

    /** Titles of works and names of houses, made on the first finding that may be one. */
    private volatile WorkTitles titles;

    private WorkTitles titles() {
        WorkTitles t = titles;
        if (t == null) {
            t = WorkTitles.wordNet(lexiconWords);
            titles = t;
        }
        return t;
    }

    /**
     * Grades down a finding of HIGH severity or less that lies inside the title of a work named as a listing names
     * it ({@link ListedTitles}): LOW, or MEDIUM for the strongest words spelled out ({@link ListedTitles#inTitle}).
     * Slurs (CRITICAL) are left as they are.
     */
    private void listedTitles(String text, List<Hit> out, int firstOwn) {
        for (int k = firstOwn; k < out.size(); k++) {
            Hit h = out.get(k);
            Finding f = h.finding();
            if (f.severity().compareTo(Severity.CRITICAL) >= 0 || f.severity().compareTo(Severity.LOW) <= 0) {
                continue;
            }
            if (Titles.LISTED.listed(text, f.start(), f.end(), lexiconWords)) {
                Severity graded = ListedTitles.inTitle(text.substring(f.start(), f.end()));
                out.set(k, new Hit(new Finding(f.start(), f.end(), "profanity.title", "profanity",
                        graded.compareTo(f.severity()) < 0 ? graded : f.severity(),
                        "a lexicon word in the title of a work, named as a listing names it ("
                                + f.message() + ")", f.confidence()), h.mask()));
            }
        }
    }

    /**
     * @return true when the word before {@code from} evaluates or addresses someone ({@code Big Dick}, {@code You
     *     Dick}): a capital on it makes no name; an article or a preposition of place is none
     */
    private static boolean evaluatedBefore(String text, int from) {
        int[] w = wordBefore(text, from);
        if (w == null) {
            return false;
        }
        String before = text.substring(w[0], w[1]).toLowerCase(Locale.ROOT);
        return NamedThings.addressesSomeone(before) && !before.equals("the") && !PLACE_CUES.contains(before)
                && !STREET_CUES.contains(before);
    }

    /**
     * A capitalised word after a lesser term makes a name with it only when it is itself a proper name, no word of
     * the English list in lower case ({@code Dick Francis}, {@code Dick Tracy}); a common word after it
     * ({@code Dick Move}, {@code Dick Head}, {@code Cock Sucker}) is a phrase written in title case.
     */
    private static boolean properNameAfter(String text, int to) {
        int[] w = wordAfter(text, to);
        return w != null && !EnglishWords.contains(text.substring(w[0], w[1]).toLowerCase(Locale.ROOT));
    }

    /**
     * @return true when the word after {@code to} is the surname of a person WordNet names that is also an English
     *     word ({@code Dick Smith}, {@code Dick King-Smith}; {@code surnames-wordnet.txt}) and does not join the
     *     term into a lexicon word; the caller checks that nothing before the term addresses or evaluates someone
     *     ({@code Suck my Dick Smith}, {@code Big Dick King})
     */
    private static boolean surnameAfter(String text, int to, String term, Set<String> lexicon) {
        int[] w = wordAfter(text, to);
        if (w == null) {
            return false;
        }
        String next = text.substring(w[0], w[1]).toLowerCase(Locale.ROOT);
        return Surnames.WORDNET.contains(next) && !JoinedTerms.formTerm(term, next, lexicon);
    }

    /** @return the letters-only word after {@code to} and spaces or hyphens, or null */
    private static int[] wordAfter(String text, int to) {
        int i = to;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-')) {
            i++;
        }
        int e = i;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return e > i ? new int[] {i, e} : null;
    }

    /** Surnames that are also English words, loaded when a capitalised term first stands before one. */
    private static final class Surnames {
        static final Set<String> WORDNET = Set.copyOf(PolicyConfig.resourceLines("surnames-wordnet.txt"));
    }

    /** @return the letters-only word before {@code from} and one space, or null */
    private static int[] wordBefore(String text, int from) {
        if (from < 2 || text.charAt(from - 1) != ' ') {
            return null;
        }
        int s = from - 1;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return s < from - 1 ? new int[] {s, from - 1} : null;
    }

    /**
     * A lexicon word written as a name, then a capitalised type of street ({@link PiiCheck#STREET_TYPES} of three
     * letters or more: {@code Lane}, {@code Road}, {@code Street}) written as an address, names a street: the type
     * ends the text or is followed by a comma or a bracket ({@code Grope Lane, Shrewsbury}), or a house number or a
     * preposition of place comes before it ({@code 12 Butt Road}, {@code on Cock Lane}). Not after a word that
     * addresses or evaluates someone, and not before other words ({@code Fucking Road works, parcel late}).
     */
    private static boolean streetName(String text, int from, int to) {
        if (!writtenAsName(text, from, to) || to + 1 >= text.length() || text.charAt(to) != ' '
                || !Character.isUpperCase(text.charAt(to + 1))) {
            return false;
        }
        int e = to + 1;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        String type = text.substring(to + 1, e).toLowerCase(Locale.ROOT);
        if (type.length() < 3 || !PiiCheck.STREET_TYPES.contains(type) || !writtenAsName(text, to + 1, e)) {
            return false;
        }
        boolean addressFollows = e == text.length() || text.charAt(e) == ',' || text.startsWith(" (", e);
        int[] before = wordBefore(text, from);
        boolean numbered = from >= 2 && text.charAt(from - 1) == ' ' && Character.isDigit(text.charAt(from - 2));
        return (addressFollows || numbered || placeCueBefore(text, from) || (before != null
                && STREET_CUES.contains(text.substring(before[0], before[1]).toLowerCase(Locale.ROOT))))
                && !evaluatedBefore(text, from);
    }

    /** Prepositions that introduce a street ("on Grope Lane", "off Butt Road") besides the place cues. */
    private static final Set<String> STREET_CUES = Set.of("on", "off", "along", "down", "up");

    /** Words after a family name: "the Kuntz family", "Kuntz & Sons", "Kuntz Bros." */
    private static final Set<String> FAMILY_HEADS = Set.of("family", "families", "sons", "brothers", "bros",
            "household", "clan", "estate", "farm", "farms", "winery", "vineyards");

    /** Titles before a family name: "Mr Kuntz", "Dr. Kuntz" */
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame",
            "herr", "frau");

    /**
     * @return false when the word is the term with no more than one of the {@link #SUFFIXES} ({@code Fuckz}), unless it
     *     ends in {@code tz} as German family names do ({@code Kuntz}, {@code Schultz})
     */
    private static boolean surnameShape(String word, String term) {
        if (word.endsWith("tz")) {
            return true;
        }
        for (String suffix : SUFFIXES) {
            if (word.equals(term + suffix)) {
                return false;
            }
        }
        return !word.equals(term);
    }

    /**
     * A word that holds a lexicon term but is neither a lexicon word nor an English word, written as a name (a
     * capital, then lower case), is a family name when a title stands before it ({@code Dr. Kuntz}) or a word of a
     * family or its business after it ({@code Kuntz family recipe book}, {@code Kuntz & Sons}, {@code Kuntz Farm}).
     */
    private static boolean familyName(String text, int from, int to) {
        if (!writtenAsName(text, from, to)) {
            return false;
        }
        int[] before = wordBefore(text, from);
        if (before == null && from >= 3 && text.charAt(from - 1) == ' ' && text.charAt(from - 2) == '.') {
            int s = from - 2; // "Dr. Kuntz"
            while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
                s--;
            }
            before = s < from - 2 ? new int[] {s, from - 2} : null;
        }
        if (before != null && HONORIFICS.contains(text.substring(before[0], before[1]).toLowerCase(Locale.ROOT))) {
            return true;
        }
        int i = to;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '&')) {
            i++;
        }
        int[] after = wordAfter(text, i);
        return after != null && i > to
                && FAMILY_HEADS.contains(text.substring(after[0], after[1]).toLowerCase(Locale.ROOT));
    }

    /** Words after which a capitalised word names a place ("delivery to Twatt", "made in Wetwang"). */
    private static final Set<String> PLACE_CUES = Set.of("to", "in", "from", "near", "at", "via", "around",
            "outside", "towards", "toward", "into", "across", "throughout");

    /**
     * @return true when the word {@code [from, to)} of {@code text} is written as a name (a capital, then lower case)
     *     and the word before it introduces a place, or a known place follows it after a comma ({@link PlaceNames})
     */
    private static boolean placeName(String text, int from, int to) {
        if (!writtenAsName(text, from, to)) {
            return false;
        }
        if (Places.WORDNET.placeFollows(text, to)) {
            return true; // an address: "Twatt, Orkney"
        }
        return placeCueBefore(text, from) || placeInPlace(text, to);
    }

    /**
     * @return true when {@code on}, {@code in} or {@code near} and a known place or region follow the word at
     *     {@code to}: a place inside another ({@code Twatt on Orkney}, {@code Penistone near Sheffield})
     */
    private static boolean placeInPlace(String text, int to) {
        for (String p : new String[] {" on ", " in ", " near "}) {
            if (text.startsWith(p, to)) {
                int at = to + p.length();
                return Places.REGIONS.nameEnd(text, at) >= 0 || Places.WORDNET.nameEnd(text, at) >= 0;
            }
        }
        return false;
    }

    /**
     * @return the end of a second word of a town's name right after {@code to} ({@code Titty Ho}): written as a name,
     *     neither a lexicon word nor a word of address ({@code Fuck You, Texas}); or {@code text.length()}, which no
     *     region follows
     */
    private int secondWordOfName(String text, int to) {
        if (to + 2 >= text.length() || text.charAt(to) != ' ') {
            return text.length();
        }
        int e = to + 1;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        String w = text.substring(to + 1, e).toLowerCase(Locale.ROOT);
        return e - to > 2 && writtenAsName(text, to + 1, e) && !lexiconWords.contains(w)
                && !NamedThings.addressesSomeone(w) && !WorkTitles.addresses(w) ? e : text.length();
    }

    /** @return true when the word before {@code from} introduces a place ({@link #PLACE_CUES}) */
    private static boolean placeCueBefore(String text, int from) {
        int e = from;
        while (e > 0 && text.charAt(e - 1) == ' ') {
            e--;
        }
        int s = e;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return e < from && s < e && PLACE_CUES.contains(text.substring(s, e).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * @param regionEnd the end of a region named after a comma, or -1
     * @param cue whether a word that introduces a place stands before the town ({@code from Dildo, Newfoundland?})
     * @return true when the region ends an address rather than being called out: after a place cue always;
     *     without one, not followed by {@code !} or {@code ?}, nor by a comma and a lower-case word
     *     ({@code Fuck, America!}, {@code Fuck, Texas, you ...})
     */
    private static boolean regionOfAnAddress(String text, int regionEnd, boolean cue) {
        if (regionEnd < 0 || cue) {
            return regionEnd >= 0;
        }
        int i = regionEnd;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (calledOut(text, i)) {
            return false;
        }
        if (i < text.length() && text.charAt(i) == ',') {
            i++;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            return i < text.length() && Character.isUpperCase(text.charAt(i)); // "Cumming, Georgia, USA"
        }
        return true;
    }

    /**
     * @return true when the sentence from {@code from} on ends with {@code !} or {@code ?} before any colon or full
     *     stop: a region in it is called out ({@code Fuck, Essex is boring!}, {@code Shit, Sussex lost again?}), not
     *     written in an address
     */
    private static boolean calledOut(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!' || c == '?') {
                return true;
            }
            if (c == '.' || c == ':' || c == ';' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    /** @return true when the word {@code [from, to)} is a capital, then lower case, no letter three times in a row */
    private static boolean writtenAsName(String text, int from, int to) {
        if (from >= to || !Character.isUpperCase(text.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (!Character.isLowerCase(text.charAt(i))
                    || (i >= from + 2 && text.charAt(i) == text.charAt(i - 1) && text.charAt(i) == text.charAt(i - 2))) {
                return false; // not lower case, or a letter stretched three times ("Fuuuck") as no name is spelled
            }
        }
        return true;
    }

    /** Nouns of settlements and areas: after a name, they show that it names a place ("... and nearby towns"). */
    private static final Set<String> SETTLEMENTS = Set.of("town", "towns", "village", "villages", "city", "cities",
            "area", "areas", "region", "regions", "county", "counties", "district", "districts", "parish", "suburb",
            "suburbs", "borough", "postcode", "postcodes", "hamlet", "hamlets");

    /**
     * @return true when a settlement noun is among the second to fourth words after {@code to}, in the same
     *     sentence (right after the name it makes a phrase of it: {@code Meet me in Pussy town tonight})
     */
    private static boolean settlementFollows(String text, int to) {
        int i = to;
        for (int n = 0; n < 4 && i < text.length(); n++) {
            while (i < text.length() && !Character.isLetter(text.charAt(i))) {
                char c = text.charAt(i);
                if (c == '.' || c == '!' || c == '?') {
                    return false;
                }
                i++;
            }
            int s = i;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (n > 0 && i > s && SETTLEMENTS.contains(text.substring(s, i).toLowerCase(java.util.Locale.ROOT))) {
                return true; // not right after the name: "Pussy town" is a phrase, "Fucking and nearby towns" a place
            }
        }
        return false;
    }

    /** The places, loaded when a text first has a word that may be a place name. */
    private static final class Places {
        static final PlaceNames WORDNET = PlaceNames.wordNet();
        static final PlaceNames REGIONS = PlaceNames.regions();
    }

    /**
     * @return true when the match lies in a word written with hyphens whose parts, written together, make a word of
     *     its own that is not a lexicon word: a WordNet noun or an English word ({@code pussy-toes} is the plant
     *     {@code pussytoes}, {@code tit-mouse} the bird); {@code dick-head} stays found, as {@code dickhead} is in
     *     the lexicon, and so does a compound whose last part, its head, is a term of high severity
     *     ({@code diddly-shit} names a kind of what its head names)
     */
    private boolean closedCompound(String text, int from, int to, Severity severity) {
        String token = hyphenToken(text, from, to);
        if (token.indexOf('-') <= 0 || token.endsWith("-") || token.contains("--")
                || (severity.compareTo(Severity.HIGH) >= 0 && text.startsWith(token, to - token.length()))) {
            return false;
        }
        String joined = token.replace("-", "");
        String lower = joined.toLowerCase(Locale.ROOT);
        return !lexiconWords.contains(lower) && (EnglishWords.contains(lower)
                || Lemmas.WORDNET.isLemma(joined, 0, joined.length()));
    }

    /** @return the letters and hyphens around {@code [from, to)} */
    private static String hyphenToken(String text, int from, int to) {
        int s = from;
        while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '-')) {
            s--;
        }
        int e = to;
        while (e < text.length() && (Character.isLetter(text.charAt(e)) || text.charAt(e) == '-')) {
            e++;
        }
        return text.substring(s, e);
    }

    /** @return how many words of two letters or more are joined by hyphens in the token around {@code [from, to)} */
    private static int hyphenParts(String text, int from, int to) {
        String token = hyphenToken(text, from, to);
        // parts of two letters or more: "cock-a-leekie" has two, letters spelled out ("b-u-t-t") none
        int parts = 0;
        int run = 0;
        for (int i = 0; i <= token.length(); i++) {
            if (i < token.length() && token.charAt(i) != '-') {
                run++;
            } else {
                parts += run >= 2 ? 1 : 0;
                run = 0;
            }
        }
        return parts;
    }

    /** @return the letters of {@code [from, to)} with collapsed repeats spelled out again */
    private static String spelled(TextView v, int from, int to) {
        StringBuilder b = new StringBuilder(to - from + 4);
        for (int i = from; i < to; i++) {
            char c = v.chars[i];
            for (int k = v.hasRuns() ? v.runAt(i) : 1; k > 0; k--) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean allUpper(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return true when the word before ({@code dir = -1}) or after ({@code +1}) is capitalised and not a function
     *     word, or the word before is an initial (a capital and a dot)
     */
    private static boolean capitalisedNeighbour(String text, int from, int dir) {
        if (dir < 0 && from >= 3 && text.charAt(from - 1) == ' ' && text.charAt(from - 2) == '.'
                && Character.isUpperCase(text.charAt(from - 3)) && (from == 3 || text.charAt(from - 4) == ' ')) {
            return from == 3 || firstName(text, from - 3); // an initial before a surname: "Philip K. Dick"
        }
        int i = dir < 0 ? from - 1 : from;
        int gap = 0;
        while (i >= 0 && i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-')) {
            i += dir;
            gap++;
        }
        if (gap == 0 || gap > 2 || i < 0 || i >= text.length() || !Character.isLetter(text.charAt(i))) {
            return false;
        }
        int s = i;
        int e = i;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return Character.isUpperCase(text.charAt(s))
                && !FUNCTION_WORDS.contains(text.substring(s, e).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * @return true when the word before the initial at {@code initial} may be a first name: capitalised, and either
     *     no English word in lower case ({@code Philip}) or not the first word of its sentence ({@code by John K.
     *     Dick}); a sentence that opens with a common word ({@code Plan B. Dick move}) has no name there
     */
    private static boolean firstName(String text, int initial) {
        int[] w = wordBefore(text, initial);
        if (w == null) {
            return initial >= 2 && text.charAt(initial - 2) == '.'; // initials in a row: "J. K. Dick"
        }
        return Character.isUpperCase(text.charAt(w[0]))
                && (!EnglishWords.contains(text.substring(w[0], w[1]).toLowerCase(Locale.ROOT))
                        || !NamedThings.sentenceStart(text, w[0]));
    }

    private static void addEntry(Map<String, List<Entry>> byKey, String spelling, String term, Severity severity,
                                 boolean variant) {
        TextView v = Normalizer.strictTerm(spelling);
        String key = v.text().strip();
        if (key.isEmpty()) {
            return;
        }
        int offset = v.text().indexOf(key);
        int[] runs = new int[key.length()];
        for (int i = 0; i < runs.length; i++) {
            // a sound-alike needs no doubled letter: "fucck" and "fuck" make the same variants
            runs[i] = variant ? 1 : v.runAt(offset + i);
        }
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Entry(term, runs, severity, variant));
    }

    /** @return the automaton to run while the strict view is built (see {@link Analysis#strictMatches}) */
    AhoCorasick fusedMatcher() {
        return atWordStart;
    }

    @Override
    public void run(Analysis analysis, List<Hit> out) {
        if (matcher.patternCount() == 0) {
            return;
        }
        TextView v = analysis.strict();
        Matches found = analysis.strictMatches(atWordStart);
        int firstOwn = out.size();
        AhoCorasick.MatchSink sink = (p, end) -> {
            int start = end - matcher.patternLength(p);
            if (!v.wordStart(start) && !(v.insideJoined(start) && end == joinedEnd(v, end))) {
                return;
            }
            int wordEnd = end;
            if (!v.wordEnd(end)) {
                wordEnd = -1;
                for (String s : SUFFIXES) {
                    if (end + s.length() <= v.length && v.wordEnd(end + s.length())
                            && regionEquals(v.chars, end, s)) {
                        wordEnd = end + s.length();
                        break;
                    }
                }
                if (wordEnd < 0) {
                    return;
                }
            }
            Severity best = null;
            String term = null;
            boolean variant = false;
            for (Entry e : entries.get(p)) {
                if (runsCover(v, start, e.runs) && (best == null || e.severity.compareTo(best) > 0)) {
                    best = e.severity;
                    term = e.term;
                    variant = e.variant;
                }
            }
            if (best == null || (variant && (afterNumber(v, start) || (start > 0 && v.chars[start - 1] == '.')
                    || properNoun(analysis.text, v.originalStart(start), v.originalEnd(end))
                    || NamedThings.inForeignPhrase(analysis.text, v.originalStart(start), v.originalEnd(end),
                    lexiconWords) || Lemmas.WORDNET.isLemma(analysis.text, v.originalStart(start),
                    v.originalEnd(end))))) {
                return;
            }
            int ws = start;
            while (ws > 0 && TextView.isWordChar(v.chars[ws - 1])) {
                ws--;
            }
            int we = wordEnd;
            while (we < v.length && TextView.isWordChar(v.chars[we])) {
                we++;
            }
            if (allowed.contains(v.substring(ws, we))
                    || (ws == start && we == wordEnd && (ordinaryWord(analysis.text, v, ws, end, we, term, best)
                    || (!variant && inName(analysis.text, v.originalStart(ws), v.originalEnd(we)))
                    || Trades.WORDNET.inTradeName(analysis.text, v.originalStart(ws), v.originalEnd(we), term,
                    best.compareTo(Severity.HIGH) < 0, lexiconWords, Things.WORDNET)))) {
                return;
            }
            int os = v.originalStart(start);
            int oe = v.originalEnd(wordEnd);
            out.add(new Hit(new Finding(os, oe, variant ? "profanity.sound-alike" : "profanity.lexicon", "profanity",
                    best, (variant ? "inappropriate language spelled as it sounds (lexicon term '"
                    : "inappropriate language (lexicon term '") + term + "')"), null));
        };
        if (found != null && v.joined == null) {
            found.replay(atWordStart, v.chars, v.length, sink);
        } else {
            (v.joined == null ? atWordStart : matcher).search(v.chars, v.length, sink);
        }
        disguised(analysis, out, firstOwn);
        listedTitles(analysis.text, out, firstOwn);
        Map<String, List<Integer>> innocentWords = null;
        for (int k = out.size() - 1; k >= firstOwn; k--) {
            Finding f = out.get(k).finding();
            boolean named = Names.WORDNET.covers(analysis.text, f.start(), f.end())
                    || Binomials.WORDNET.covers(analysis.text, f.start(), f.end())
                    || closedCompound(analysis.text, f.start(), f.end(), f.severity());
            if (named || (f.ruleId().equals("profanity.lexicon") && Senses.WORDNET.innocent(analysis.text, f.start(),
                    f.end()))) {
                // part of a name ("spotted dick", "pussy willow", "Helianthus annuus") or the innocent sense, shown
                // by its neighbours ("coal tit feeder", "faggot bundle")
                out.remove(k);
                if (innocentWords == null) {
                    innocentWords = new HashMap<>();
                }
                innocentWords.computeIfAbsent(singular(analysis.text.substring(f.start(), f.end())),
                        w -> new ArrayList<>()).add(f.start());
            }
        }
        if (innocentWords == null) {
            return;
        }
        // one sense per discourse (Gale, Church and Yarowsky 1992), kept to the sentence: a word with an innocent
        // sense, written plainly and not addressed to anyone, keeps the sense it has elsewhere in the sentence
        // ("Nest box for blue tits and great tits")
        for (int k = out.size() - 1; k >= firstOwn; k--) {
            Finding f = out.get(k).finding();
            String word = analysis.text.substring(f.start(), f.end());
            List<Integer> innocentAt = innocentWords.get(singular(word));
            if (innocentAt != null && f.ruleId().equals("profanity.lexicon") && Senses.WORDNET.hasSense(word)
                    && word.chars().allMatch(Character::isLetter) && WordSenses.unaddressed(analysis.text, f.start())
                    && innocentAt.stream().anyMatch(at -> sameSentence(analysis.text, at, f.start()))) {
                out.remove(k);
            }
        }
    }

    /** @return true when no sentence end ({@code . ! ?}) lies between the two positions */
    private static boolean sameSentence(String text, int a, int b) {
        for (int i = Math.min(a, b); i < Math.max(a, b); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?') {
                return false;
            }
        }
        return true;
    }

    /** @return the word in lower case, less a final {@code s} */
    private static String singular(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    }

    /** @return true when the whole word {@code [from, to)} is a word of a product name or a foreign phrase */
    private boolean inName(String text, int from, int to) {
        return Things.WORDNET.inName(text, from, to, lexiconWords)
                || Things.WORDNET.kindOfThing(text, from, to, lexiconWords)
                || NamedThings.inForeignPhrase(text, from, to, lexiconWords);
    }

    /** The words that also name things, loaded when a text first has a profanity finding. */
    private static final class Things {
        static final NamedThings WORDNET = NamedThings.wordNet();
    }

    /** Titles recognised by the cues of a listing, made on the first finding that may be in one. */
    private static final class Titles {
        static final ListedTitles LISTED = new ListedTitles(Things.WORDNET::person, Surnames.WORDNET);
    }

    /** The nouns of goods and trading houses, loaded when a text first has a profanity finding. */
    private static final class Trades {
        static final TradeNames WORDNET = TradeNames.wordNet();
    }

    /** The genera of binomial names, loaded when a text first has a profanity finding. */
    private static final class Binomials {
        static final ScientificNames WORDNET = ScientificNames.wordNet();
    }

    /** The innocent senses of lexicon words, loaded when a text first has a profanity finding. */
    private static final class Senses {
        static final WordSenses WORDNET = WordSenses.wordNet();
    }

    /** Nouns outside the English word list, loaded when a text first has a sound-alike spelling. */
    private static final class Lemmas {
        static final NounLemmas WORDNET = NounLemmas.wordNet();
    }

    /** The known names, loaded when a text first has a profanity finding. */
    private static final class Names {
        static final KnownNames WORDNET = KnownNames.wordNet();
    }

    /**
     * Words disguised with symbols ({@code f*ck}, {@code f#ck}, {@code f@ck}, {@code bu11$h1t}, {@code fu.ck}; see
     * {@link DisguisedWords}) that the strict view did not already show as a lexicon word. A disguised term plus an
     * inflection that spells an English word outside the lexicon ({@code pr!ced}) is that word.
     */
    private void disguised(Analysis analysis, List<Hit> out, int firstOwn) {
        TextView light = analysis.light();
        disguises.scan(light, (t, from, to, inflection) -> {
            Entry e = disguisedEntries.get(t);
            String word = e.term + inflection;
            if (!inflection.isEmpty() && EnglishWords.contains(word) && !lexiconWords.contains(word)) {
                return;
            }
            int os = light.originalStart(from);
            int oe = light.originalEnd(to);
            for (int k = firstOwn; k < out.size(); k++) {
                Finding f = out.get(k).finding();
                if (f.start() < oe && os < f.end()) {
                    return;
                }
            }
            out.add(new Hit(new Finding(os, oe, "profanity.masked", "profanity", e.severity,
                    "inappropriate language disguised with symbols (lexicon term '" + e.term + "')"), null));
        });
    }

    /** @return true when the word before {@code start} is a number ("24 cnt" is a count, not a sound-alike) */
    private static boolean afterNumber(TextView v, int start) {
        int i = start - 1;
        while (i >= 0 && v.chars[i] == ' ') {
            i--;
        }
        return i >= 0 && i < start - 1 && Character.isDigit(v.chars[i]);
    }

    /**
     * @return true when the word at {@code from} in the original text is capitalised but does not start a sentence:
     *     a name ("Argus tank"), which a sound-alike spelling does not reach
     */
    private static boolean properNoun(String text, int from, int to) {
        if (!Character.isUpperCase(text.charAt(from))) {
            return false;
        }
        int end = to;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        if (capitalisedNeighbour(text, from, -1) || capitalisedNeighbour(text, end, 1)) {
            return true; // a title: "Argus All-Weather Tank"
        }
        int i = from - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char c = text.charAt(i);
        return c != '.' && c != '!' && c != '?' && c != ':' && c != '"' && c != '\u201C' && c != '(';
    }

    private static boolean suffixStart(char c) {
        for (String s : SUFFIXES) {
            if (s.charAt(0) == c) {
                return true;
            }
        }
        return false;
    }

    private static int joinedEnd(TextView v, int from) {
        int e = from;
        while (e < v.length && v.joined != null && v.joined[e]) {
            e++;
        }
        return e;
    }

    private static boolean regionEquals(char[] chars, int from, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (chars[from + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean runsCover(TextView v, int start, int[] termRuns) {
        for (int i = 0; i < termRuns.length; i++) {
            if (v.runAt(start + i) < termRuns[i]) {
                return false;
            }
        }
        return true;
    }
}
