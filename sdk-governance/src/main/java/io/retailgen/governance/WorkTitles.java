package io.retailgen.governance;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Titles of works and names of houses that hold a lexicon word ({@code The Bastard Executioner DVD}, {@code Prick of
 * the Spindle fairy tale book}, {@code The Black Cock Inn}), and the shapes of abuse written like titles
 * ({@code Fuck You poster}, {@code Dick Move mug}).
 *
 * <p>The nouns come from WordNet ({@code works-wordnet.txt}, made by {@code tools/lexicons/wordnet_works.py}): works
 * (the nouns under publications, books, literary works, musical compositions, albums, recordings, films, shows,
 * signs and pictures: {@code book}, {@code novel}, {@code DVD}, {@code poster}, {@code print}), venues (inns, pubs,
 * taverns, hotels) and photographs ({@code pic}, {@code photo}: after a body word, the shape of abuse).
 *
 * <p>A lexicon word written as a name is part of a title when it stands in a run of capitalised words, with the
 * small words of titles between them ({@code of}, {@code the}, {@code in}, {@code and}, ...), of three words or more
 * and two capitalised ones or more, and
 * <ul>
 *   <li>the run is quoted, or a work follows it (within three lower-case words: {@code fairy tale book}) or ends it
 *       ({@code The Bastard Executioner DVD}, {@code The Dick Van Dyke Show}), or a venue follows it or ends it
 *       ({@code Black Cock inn sign}, {@code The Cock Inn}); and</li>
 *   <li>the run is not shaped as abuse ({@link #abusive}): no pronoun or particle next to the word
 *       ({@code Go Fuck Yourself}, {@code Shut Up Bitch}), no article right after it ({@code Fuck the ...}), no
 *       evaluative word right before it ({@code Big Dick Energy}), no insult head or photograph right after it
 *       ({@code Cock Sucker}, {@code Dick Pic}), no common word right before it unless an article opens the run
 *       ({@code Eat Shit and Die}; but {@code The Fighting Cocks}), no award of a calendar unit after it
 *       ({@code Bitch of the Year}), and, when the word opens the run, a small word right after it
 *       ({@code Puss in Boots}, {@code Bastard Out of Carolina}; not {@code Fuck Donald Trump}).</li>
 * </ul>
 * A title of one word or of two ({@code Bastard poster}, {@code Pussy Riot poster}) is no evidence. Immutable and
 * thread-safe.
 */
final class WorkTitles {

    static final String RESOURCE = "works-wordnet.txt";

    /** Small words that stand inside titles in lower case ("Prick of the Spindle", "Puss in Boots"). */
    private static final Set<String> SMALL_WORDS = Set.of("of", "the", "a", "an", "and", "in", "on", "at", "to",
            "for", "or", "from", "with", "by", "out", "upon", "into", "over", "under", "&");
    /** Words of address and particles that make a lexicon word next to them a verb or an address. */
    private static final Set<String> ADDRESS = Set.of("you", "your", "yours", "yourself", "yourselves", "ya", "u",
            "ur", "me", "my", "myself", "him", "his", "her", "them", "this", "that", "these", "those", "it", "us",
            "our", "off", "up", "please");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");

    private final Set<String> works;
    private final Set<String> venues;
    private final Set<String> photos;
    /** The rest of a lexicon compound after a lexicon word ("head" of dickhead, "sucker" of cocksucker). */
    private final Set<String> insultHeads;

    /**
     * @param lines {@code work W}, {@code venue V} and {@code photo P} lines, lower case
     * @param lexicon every lexicon term, lower case: the compounds of a lexicon word and an English word give the
     *     insult heads
     */
    WorkTitles(List<String> lines, Set<String> lexicon) {
        Map<String, Set<String>> byKind = PolicyConfig.taggedLines(RESOURCE, lines, Set.of("work", "venue",
                "photo"));
        works = byKind.get("work");
        venues = byKind.get("venue");
        photos = byKind.get("photo");
        insultHeads = Set.copyOf(insultHeads(lexicon));
    }

    /** @return true for a pronoun or particle that makes a lexicon word next to it a verb or an address */
    static boolean addresses(String word) {
        return ADDRESS.contains(word);
    }

    /** @return the nouns shipped with the SDK, with the insult heads of {@code lexicon} */
    static WorkTitles wordNet(Set<String> lexicon) {
        return new WorkTitles(PolicyConfig.resourceLines(RESOURCE), lexicon);
    }

    /**
     * @return the English words of three letters or more that follow a lexicon word of three letters or more inside
     *     another lexicon term ({@code dick} + {@code head}, {@code cock} + {@code sucker}, {@code ass} +
     *     {@code hat})
     */
    static Set<String> insultHeads(Set<String> lexicon) {
        Set<String> out = new HashSet<>();
        for (String term : lexicon) {
            for (int k = 3; k <= term.length() - 3; k++) {
                String rest = term.substring(k);
                if (lexicon.contains(term.substring(0, k)) && EnglishWords.contains(rest)) {
                    out.add(rest);
                }
            }
        }
        return out;
    }

    /**
     * @param text the original text
     * @param from the start of the lexicon word (or phrase) in {@code text}
     * @param to its end
     * @param lexicon every lexicon term, lower case
     * @return true when the word is part of the title of a work or the name of a house, as described above
     */
    boolean inTitle(String text, int from, int to, Set<String> lexicon) {
        if (!Character.isUpperCase(text.charAt(from))) {
            return false;
        }
        List<int[]> before = new java.util.ArrayList<>();
        for (int[] w = previous(text, from); w != null && titleWord(text, w); w = previous(text, w[0])) {
            before.add(0, w);
        }
        List<int[]> after = new java.util.ArrayList<>();
        boolean workEnds = false;
        for (int[] w = next(text, to); w != null && titleWord(text, w); w = next(text, w[1])) {
            if (!after.isEmpty() && works.contains(lower(text, w))) {
                workEnds = true; // "The Bastard Executioner DVD", "The Dick Van Dyke Show"
                break;
            }
            after.add(w);
        }
        while (!before.isEmpty() && !capitalised(text, before.get(0))) {
            before.remove(0);
        }
        while (!after.isEmpty() && !capitalised(text, after.get(after.size() - 1))) {
            after.remove(after.size() - 1);
        }
        int own = text.substring(from, to).split(" +").length; // a lexicon phrase: "Black Cock"
        if (abusive(text, before, after, lexicon, own > 1)) {
            return false;
        }
        int words = before.size() + own + after.size();
        long capitals = own + before.stream().filter(w -> capitalised(text, w)).count()
                + after.stream().filter(w -> capitalised(text, w)).count();
        int start = before.isEmpty() ? from : before.get(0)[0];
        int end = after.isEmpty() ? to : after.get(after.size() - 1)[1];
        boolean venueEnds = !after.isEmpty() && venues.contains(lower(text, after.get(after.size() - 1)));
        int[] following = next(text, end);
        boolean venueFollows = following != null && venues.contains(lower(text, following));
        if (venueFollows) {
            words++;
            capitals++;
        }
        if (words < 3 || capitals < 2) {
            return false;
        }
        return workEnds || venueEnds || venueFollows || quoted(text, start, end) || workFollows(text, end);
    }

    /**
     * @return true when the run is shaped as abuse: a pronoun or particle next to the word, an article right after
     *     it, an evaluative word right before it, an insult head or a photograph right after it, or the word (not a
     *     phrase of several words) opening the run without a small word after it
     */
    private boolean abusive(String text, List<int[]> before, List<int[]> after, Set<String> lexicon,
                            boolean phrase) {
        String prev = before.isEmpty() ? null : lower(text, before.get(before.size() - 1));
        String nextWord = after.isEmpty() ? null : lower(text, after.get(0));
        if (prev != null && (ADDRESS.contains(prev) || lexicon.contains(prev)
                || (!prev.equals("the") && NamedThings.addressesSomeone(prev)))) {
            return true;
        }
        if (nextWord != null && (ADDRESS.contains(nextWord) || ARTICLES.contains(nextWord)
                || lexicon.contains(nextWord) || insultHead(nextWord))) {
            return true;
        }
        if (prev != null && !SMALL_WORDS.contains(prev) && EnglishWords.contains(prev)
                && !(before.size() >= 2 && lower(text, before.get(before.size() - 2)).equals("the"))) {
            return true; // a common word before it without an article opening the title: "Eat Shit and Die"
        }
        if (awarded(text, after)) {
            return true;
        }
        return prev == null && !phrase && (nextWord == null || !SMALL_WORDS.contains(nextWord));
    }

    /** Units of the calendar: "X of the Year" awards a title to someone. */
    private static final Set<String> CALENDAR = Set.of("year", "month", "week", "day", "night", "decade",
            "century");

    /** @return true when the run goes on {@code of the} and a unit of the calendar ({@code Cunt of the Month}) */
    private static boolean awarded(String text, List<int[]> after) {
        return after.size() >= 3 && lower(text, after.get(0)).equals("of") && lower(text, after.get(1)).equals("the")
                && CALENDAR.contains(lower(text, after.get(2)));
    }

    /**
     * @param word a word after a lexicon word, lower case
     * @return true for a word that makes the pair abuse: an insult head of the lexicon's compounds ({@code head},
     *     {@code sucker}) or a photograph ({@code pic}), singular or plural
     */
    boolean insultHead(String word) {
        String singular = word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        return insultHeads.contains(word) || insultHeads.contains(singular) || photos.contains(word)
                || photos.contains(singular);
    }

    /** @return true when a work is among the three words after {@code end}, with only lower-case words between */
    private boolean workFollows(String text, int end) {
        int[] w = next(text, end);
        for (int n = 0; n < 3 && w != null; n++) {
            String word = lower(text, w);
            String singular = word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
            if (works.contains(word) || works.contains(singular)) {
                return true;
            }
            if (!Character.isLowerCase(text.charAt(w[0])) || SMALL_WORDS.contains(word) || ADDRESS.contains(word)) {
                return false;
            }
            w = next(text, w[1]);
        }
        return false;
    }

    private static boolean quoted(String text, int start, int end) {
        if (start == 0 || end >= text.length()) {
            return false;
        }
        char open = text.charAt(start - 1);
        char close = text.charAt(end);
        return (open == '"' && close == '"') || (open == '\u201C' && close == '\u201D')
                || (open == '\u2018' && close == '\u2019') || (open == '\u00AB' && close == '\u00BB');
    }

    /** @return true for a capitalised word or a small word of titles */
    private static boolean titleWord(String text, int[] w) {
        return capitalised(text, w) || SMALL_WORDS.contains(lower(text, w));
    }

    private static boolean capitalised(String text, int[] w) {
        return Character.isUpperCase(text.charAt(w[0]));
    }

    /** @return the word (letters, inner hyphens and apostrophes) right after {@code to} and one space, or null */
    private static int[] next(String text, int to) {
        if (to + 1 >= text.length() || text.charAt(to) != ' ') {
            return null;
        }
        int s = to + 1;
        int e = s;
        while (e < text.length() && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '&'
                || ((text.charAt(e) == '-' || text.charAt(e) == '\'') && e > s && e + 1 < text.length()
                        && Character.isLetter(text.charAt(e + 1))))) {
            e++;
        }
        return e > s && Character.isLetter(text.charAt(s)) || (e == s + 1 && text.charAt(s) == '&')
                ? new int[] {s, e} : null;
    }

    /** @return the word right before {@code from} and one space, or null */
    private static int[] previous(String text, int from) {
        if (from < 2 || text.charAt(from - 1) != ' ') {
            return null;
        }
        int e = from - 1;
        int s = e;
        while (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)) || text.charAt(s - 1) == '&'
                || ((text.charAt(s - 1) == '-' || text.charAt(s - 1) == '\'') && s - 1 > 0
                        && Character.isLetter(text.charAt(s - 2))))) {
            s--;
        }
        return s < e && (Character.isLetter(text.charAt(s)) || text.charAt(s) == '&') ? new int[] {s, e} : null;
    }

    private static String lower(String text, int[] w) {
        return text.substring(w[0], w[1]).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "WorkTitles[" + works.size() + " works, " + venues.size() + " venues, " + insultHeads.size()
                + " insult heads]";
    }
}
