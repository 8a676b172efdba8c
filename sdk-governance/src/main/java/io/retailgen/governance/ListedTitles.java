package io.retailgen.governance;

import io.retailgen.core.intercept.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Titles of books, films, records and games that hold a lexicon word, recognised by the way a product listing names
 * them ({@code Shit My Dad Says, paperback}, {@code The Bastard of Istanbul by Elif Shafak}, {@code Bullshit Jobs: A
 * Theory}).
 *
 * <p>A title is a run of words written in title case (every word capitalised but the small words of titles:
 * {@code of}, {@code the}, {@code a}, {@code to}, ...; a comma or semicolon may stand inside it before a capitalised
 * word), or the words between quotation marks or italics markers ({@code "..."}, {@code *...*}, {@code _..._}). It
 * holds the lexicon word, written with a capital outside quotation marks (plainly or masked: {@code F*ck}); a title
 * of one word needs an author or a subtitle. It is the title of a work when a listing cue follows it:
 * <ul>
 *   <li>a format or medium ({@link #FORMATS}: {@code paperback}, {@code DVD}, {@code vinyl}, {@code picture book},
 *       {@code box set}, {@code Penguin Classics}), after at most two words that qualify it, or a numbered part
 *       ({@code Volume 1}, {@code Vol. 2}, {@code Season 3}), that ends its clause: nothing but the end of the text,
 *       punctuation, a number, another format or an author follows it ({@code Shit quality paperback arrived torn}
 *       is no listing);</li>
 *   <li>an author: {@code by} and a person's name of two to four capitalised words or initials, one of which is no
 *       English word or is a surname or person WordNet names ({@code by Elif Shafak}, {@code by J. K. Rowling}; not
 *       {@code by God}, {@code by Royal Mail}, {@code by the way});</li>
 *   <li>a subtitle: a colon and a run of at least two title words ({@code Tits and Boobs: A Guide to British
 *       Birds}); after a title of one word, the subtitle has three words or more and opens with an article or a
 *       preposition ({@code Bitch: On the Female of the Species}); or a subtitle followed by a format or an author
 *       ({@code Jackass: The Movie DVD}).</li>
 * </ul>
 * The shapes of abuse stay flagged however they are listed ({@link #abusive}): an object pronoun or {@code off}
 * right after the word ({@code Fuck You}, {@code Go Fuck Yourself}); an article or a second-person possessive right
 * after a word that opens the title ({@code Fuck the Police}, {@code Fuck Your Feelings}); a noun of a shopper's
 * judgement anywhere in the title ({@code Shit Quality}, {@code Sellers Are Bastards}); a proper name right after a
 * word that opens the title ({@code Fuck Donald Trump}); a pronoun, particle, evaluative word or verb of a sexual act
 * right before it, or before one adjective before it ({@code You Bastard}, {@code Shut Up Bitch}, {@code Big Black
 * Cock}); a possessive before it when it ends the title ({@code Suck My Dick}; not {@code Get Your Sh*t Together});
 * the word said through a copula of {@code you}, of a noun after a possessive or of a proper name ({@code You Are a
 * Bastard}, {@code My Boss Is a Prick}); the word and the next written together a lexicon term ({@code Dick Head}) or
 * a photograph after it ({@code Dick Pic}); an award ({@code Bitch of the Year}); with a format alone, no word of
 * content besides the lexicon, pronouns and small words ({@code Fuck You All}); and a word opening the title set off
 * by a comma as an address ({@code Bitch, Buy My DVD}) unless an author or a subtitle follows. Text written all in
 * capitals shows no title case and is never read as a title. Immutable and thread-safe.
 */
final class ListedTitles {

    /** Formats and media of books, films, records and games, in lower case. */
    private static final Set<String> FORMATS = Set.of("paperback", "paperbacks", "hardback", "hardbacks", "hardcover",
            "hardcovers", "book", "books", "novel", "novella", "memoir", "audiobook", "audiobooks", "ebook", "e-book",
            "kindle", "comic", "comics", "manga", "anthology", "omnibus", "edition", "classics", "dvd", "dvds",
            "blu-ray", "bluray", "4k", "uhd", "vhs", "film", "movie", "documentary", "boxset", "box-set",
            "soundtrack", "ost", "album", "lp", "ep", "cd", "cds", "vinyl", "cassette", "single", "record",
            "7-inch", "12-inch", "game", "play", "playscript", "screenplay", "audio");
    /** Words that number a part of a work: {@code Volume 1}, {@code Vol. 2}. */
    private static final Set<String> PARTS = Set.of("volume", "vol", "vol.", "book", "issue", "part", "season",
            "series", "no.", "number");
    /** Small words of titles, written in lower case inside them. */
    private static final Set<String> SMALL = Set.of("a", "an", "the", "of", "and", "or", "nor", "but", "in", "on",
            "at", "to", "for", "from", "with", "into", "onto", "upon", "over", "under", "out", "as", "vs", "vs.",
            "&", "per", "via", "about");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");
    /** Openers of a subtitle after a title of one word: {@code Bitch: On the Female of the Species}. */
    private static final Set<String> SUBTITLE_OPENERS = Set.of("a", "an", "the", "on", "of", "in", "how", "why",
            "what", "from", "for", "to", "at", "with");
    /** Pronouns and particles that make the word before them a verb aimed at someone: {@code Fuck You}. */
    private static final Set<String> OBJECTS = Set.of("you", "yourself", "yourselves", "ya", "u", "ye", "thee",
            "me", "him", "her", "them", "us", "off", "y'all", "yall", "everyone", "everybody");
    /** Pronouns, particles and evaluative words that address or judge someone with the word after them. */
    private static final Set<String> ADDRESS_BEFORE = Set.of("you", "you're", "youre", "ur", "u", "ya", "yo",
            "such", "dear", "up", "off", "eat", "suck", "lick", "kiss", "blow", "sniff", "stupid", "dumb", "lazy",
            "ugly", "fat", "dirty", "filthy", "big", "huge", "giant", "massive", "total", "complete", "utter",
            "absolute", "silly", "crazy", "greedy", "cheap", "worst", "nice", "sexy", "hot", "wet", "tight", "hairy",
            "fucking", "freaking", "effing", "bloody", "damn", "goddamn", "lying", "useless", "worthless", "pathetic",
            "fake", "rude");
    private static final Set<String> POSSESSIVES = Set.of("my", "your", "ur", "yo", "his", "her", "our", "their",
            "thy");
    /** Pronouns and words that carry no content of a title. */
    private static final Set<String> NO_CONTENT = Set.of("you", "yourself", "yourselves", "ya", "u", "ye", "me",
            "him", "her", "them", "us", "it", "off", "up", "all", "my", "your", "ur", "his", "our", "their", "go",
            "get", "so", "oh", "hey", "yo", "too", "really", "very", "again", "now", "this", "that", "i", "we",
            "they", "he", "she", "is", "are", "am", "be", "was", "were", "what", "who", "y'all", "yall", "everyone",
            "everybody", "please", "right", "here", "there", "yes", "no", "not");
    /** Possessives and objects of the second person: {@code Fuck Your Feelings}. */
    private static final Set<String> SECOND_PERSON = Set.of("your", "ur", "yo", "yer", "thy", "yours");
    /**
     * Nouns of a shopper's judgement of goods, sellers and service, which make a title a review ({@code Shit
     * Quality}, {@code Sellers Are Bastards}, {@code Bastards Who Sell Fakes}).
     */
    private static final Set<String> JUDGED = Set.of("quality", "product", "service", "seller", "item", "delivery",
            "packaging", "purchase", "customer", "support", "refund", "store", "shop", "courier", "condition",
            "price", "fake", "scam", "scammer", "ripoff", "rip-off", "waste");
    /** Photographs: after a word of the body, the shape of abuse ({@code Dick Pic}). */
    private static final Set<String> PHOTOS = Set.of("pic", "pics", "photo", "photos", "selfie", "selfies", "nudes");
    private static final Set<String> COPULAS = Set.of("are", "is", "was", "were", "am", "be", "'re", "re");
    /** Marks that separate the parts of a listing: {@code Title - paperback}, {@code Title | DVD}. */
    private static final Set<String> DASHES = Set.of("-", "\u2013", "\u2014", "|", "/");
    private static final Set<String> CALENDAR = Set.of("year", "month", "week", "day", "decade", "century");
    private static final String OPENING = "\"\u201C\u2018'(*_[";
    private static final String CLOSING = "\"\u201D\u2019'),.;:!?*_]";
    /** How far around the word a title is looked for. */
    private static final int WINDOW = 400;

    /** A word of the text: its letters ({@code start}, {@code end}) and the marks before and after it. */
    private record Token(int start, int end, String lead, String trail) {
        String lower(String text) {
            return text.substring(start, end).toLowerCase(Locale.ROOT);
        }

        boolean capitalised(String text) {
            return Character.isUpperCase(text.charAt(start));
        }
    }

    private final Predicate<String> person;
    private final Set<String> surnames;

    /**
     * @param person true for a noun whose most frequent sense is a person, lower case ({@code persons-wordnet.txt},
     *     {@link NamedThings#person})
     * @param surnames surnames that are also English words, lower case ({@code surnames-wordnet.txt})
     */
    ListedTitles(Predicate<String> person, Set<String> surnames) {
        this.person = person;
        this.surnames = Set.copyOf(surnames);
    }

    /**
     * The severity of a lexicon word inside a listed title. The strongest words of Ofcom's scale ({@code fuck},
     * {@code cunt}, {@code motherfucker}: "Attitudes to potentially offensive language", 2016) spelled out in full
     * stay MEDIUM, which the default profile redacts: publishers mask them on the covers of the titles they sell
     * ({@code Go the F**k to Sleep}), so a retailer's copy prints the masked title. Every other word, and the
     * strongest ones masked as published, are LOW: reported, and published as the title of the work.
     *
     * @param written the finding's text as written
     * @return the severity of the finding inside a title
     */
    static Severity inTitle(String written) {
        String letters = written.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        boolean masked = !written.chars().allMatch(Character::isLetter);
        return !masked && (letters.contains("fuck") || letters.contains("cunt")) ? Severity.MEDIUM : Severity.LOW;
    }

    /**
     * @param text the original text
     * @param from the start of a profanity finding in {@code text}
     * @param to its end
     * @param lexicon every lexicon term, lower case
     * @return true when the finding lies inside the title of a work named as a listing names it, as described above
     */
    boolean listed(String text, int from, int to, Set<String> lexicon) {
        if (!openedBefore(text, from) && (!Character.isUpperCase(text.charAt(from)) || alone(text, from, to))) {
            return false; // neither title case nor a quotation: most findings end here, before any word is split
        }
        List<Token> tokens = tokens(text, from, to);
        int w = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.start() <= from && from < Math.max(t.end(), t.start() + 1)) {
                w = i;
            }
            if (t.start() < to && to <= t.end()) {
                last = i;
            }
        }
        if (w < 0 || last < w) {
            return false;
        }
        int[] quoted = quoted(tokens, w);
        int start;
        int end;
        if (quoted != null) {
            start = quoted[0]; // any case between quotation marks, opening with a capital
            end = quoted[1];
            if (!tokens.get(start).capitalised(text)) {
                return false;
            }
        } else {
            if (!Character.isUpperCase(text.charAt(from))) {
                return false;
            }
            start = w;
            while (start > 0 && joinedBefore(text, tokens, start) && titleWord(text, tokens.get(start - 1))) {
                start--;
            }
            while (start < w && !tokens.get(start).capitalised(text)) {
                start++; // a title opens with a capital
            }
            end = runEnd(text, tokens, last);
        }
        if (allCapitals(text, tokens, start, end)) {
            return false;
        }
        int subEnd = subtitleEnd(text, tokens, end);
        boolean author = authorFollows(text, tokens, end) || subEnd > end && authorFollows(text, tokens, subEnd);
        boolean subtitle = subEnd > end && (author || formatFollows(text, tokens, subEnd)
                || subtitleShape(text, tokens, start, end, subEnd));
        boolean format = formatFollows(text, tokens, end);
        if (!author && !subtitle && !format) {
            return false;
        }
        if (end == start && !author && !subtitle) {
            return false; // one word is a title only with its author or subtitle: "Cock by Mike Bartlett"
        }
        if (quoted == null && end > start && capitals(text, tokens, start, end) < 2) {
            return false;
        }
        if (tokens.get(w).trail().startsWith(",") && w == start && !author && !subtitle) {
            return false; // set off by a comma as an address: "Bitch, Buy My DVD"
        }
        return !abusive(text, tokens, start, end, w, last, from, to, lexicon, !author && !subtitle);
    }

    /** @return the last token of the run of title words that goes on from token {@code from}, before any cue */
    private static int runEnd(String text, List<Token> tokens, int from) {
        int end = from;
        while (end + 1 < tokens.size() && joinedAfter(text, tokens, end)
                && titleWord(text, tokens.get(end + 1)) && !cueStarts(text, tokens, end + 1)) {
            end++;
        }
        while (end > from && SMALL.contains(tokens.get(end).lower(text))) {
            end--;
        }
        return end;
    }

    /**
     * @return the last token of a subtitle after the title ending at token {@code end}: a colon, then a run of title
     *     words that opens with a capital; {@code end} when there is none
     */
    private static int subtitleEnd(String text, List<Token> tokens, int end) {
        if (!tokens.get(end).trail().endsWith(":") || end + 1 >= tokens.size()
                || !tokens.get(end + 1).lead().isEmpty() || !tokens.get(end + 1).capitalised(text)
                || cueStarts(text, tokens, end + 1)) {
            return end;
        }
        return runEnd(text, tokens, end + 1);
    }

    /**
     * @return true when the title is shaped as abuse: see the class comment
     */
    private boolean abusive(String text, List<Token> tokens, int start, int end, int w, int last, int from, int to,
                            Set<String> lexicon, boolean formatOnly) {
        String next = last < end ? tokens.get(last + 1).lower(text) : null;
        String prev = w > start ? tokens.get(w - 1).lower(text) : null;
        String prevPrev = w - 1 > start ? tokens.get(w - 2).lower(text) : null;
        boolean joined = tokens.get(last).trail().isEmpty();
        if (next != null && (OBJECTS.contains(next) || lexicon.contains(next) || joined && (PHOTOS.contains(next)
                || JoinedTerms.formTerm(text.substring(tokens.get(last).start(), tokens.get(last).end()), next, lexicon)))) {
            return true; // "Fuck You", "Dick Head", "Dick Pic"; but "Pussy, King of the Pirates"
        }
        if (next != null && w == start && (ARTICLES.contains(next) || SECOND_PERSON.contains(next))) {
            return true; // "Fuck the Police", "Fuck Your Feelings"
        }
        for (int i = start; i <= end; i++) {
            String word = tokens.get(i).lower(text);
            if (JUDGED.contains(word) || word.endsWith("s") && JUDGED.contains(word.substring(0, word.length() - 1))) {
                return true; // a shopper's judgement: "Shit Quality", "Sellers Are Bastards", "This Shop Sells Shit"
            }
        }
        if (prev != null && (ADDRESS_BEFORE.contains(prev) || lexicon.contains(prev)
                || (prevPrev != null && ADDRESS_BEFORE.contains(prevPrev) && !SMALL.contains(prev)))) {
            return true; // "You Bastard", "Shut Up Bitch", "Big Black Cock"
        }
        if (prev != null && POSSESSIVES.contains(prev) && last == end) {
            return true; // "Suck My Dick"
        }
        if (last == end && said(text, tokens, start, w)) {
            return true; // "You Are a Bastard", "My Boss Is a Prick", "Boris Is a Twat"
        }
        if (next != null && w == start && properName(text, tokens.get(last + 1))) {
            return true; // "Fuck Donald Trump"
        }
        if (last + 3 <= end && next.equals("of") && tokens.get(last + 2).lower(text).equals("the")
                && CALENDAR.contains(tokens.get(last + 3).lower(text))) {
            return true; // "Bitch of the Year"
        }
        if (!formatOnly) {
            return false; // an author or a subtitle brings the title's content
        }
        Token own = tokens.get(w);
        if (from - own.start() >= 3 || own.end() - to >= 3) {
            return false; // a compound with a word of content: "Kick-Ass 2"
        }
        for (int i = start; i <= end; i++) {
            String word = tokens.get(i).lower(text);
            if ((i < w || i > last) && !SMALL.contains(word) && !NO_CONTENT.contains(word)
                    && !lexicon.contains(word) && word.chars().anyMatch(Character::isLetter)) {
                return false; // a word of content: "Planet", "Dad", "Sleep"
            }
        }
        return true;
    }

    /**
     * @return true when the word at {@code w} is said of someone: a copula and at most one article or
     *     intensifier before it, and before the copula {@code you}, a possessive or a proper name
     *     ({@code You Are a Bastard}, {@code Your Mum Is a Whore}; not {@code 'Tis Pity She's a Whore})
     */
    private static boolean said(String text, List<Token> tokens, int start, int w) {
        int c = w - 1;
        if (c > start && (ARTICLES.contains(tokens.get(c).lower(text)) || tokens.get(c).lower(text).equals("such"))) {
            c--;
        }
        if (c < start) {
            return false;
        }
        String copula = tokens.get(c).lower(text).replace('\u2019', '\'');
        for (String contracted : List.of("you're", "youre", "ur")) {
            if (copula.equals(contracted)) {
                return true;
            }
        }
        if (!COPULAS.contains(copula) && !(copula.endsWith("'s") && copula.length() > 2)) {
            return false;
        }
        if (copula.endsWith("'s")) {
            return properName(text, tokens.get(c), copula.substring(0, copula.length() - 2));
        }
        for (int i = start; i < c; i++) {
            String word = tokens.get(i).lower(text);
            if (word.equals("you") || word.equals("u") || POSSESSIVES.contains(word)) {
                return true;
            }
        }
        return c > start && properName(text, tokens.get(c - 1), tokens.get(c - 1).lower(text));
    }

    /** @return true for a capitalised word that is no English word: the name of a person or a place */
    private static boolean properName(String text, Token t) {
        return properName(text, t, t.lower(text));
    }

    private static boolean properName(String text, Token t, String word) {
        return t.capitalised(text) && word.chars().allMatch(Character::isLetter) && !EnglishWords.contains(word)
                && !SMALL.contains(word);
    }

    /** @return true when {@code by} and a person's name follow the title ending at token {@code end} */
    private boolean authorFollows(String text, List<Token> tokens, int end) {
        int by = end + 1;
        String trail = unquoted(tokens.get(end).trail());
        if (!trail.isEmpty() && !trail.equals(",") && !trail.equals("!") && !trail.equals("?")) {
            return false;
        }
        if (by + 1 < tokens.size() && tokens.get(by).trail().isEmpty() && participle(tokens.get(by).lower(text))) {
            by++; // "read by", "illustrated by", "directed by"
        }
        if (by >= tokens.size() || !tokens.get(by).lower(text).equals("by") || !tokens.get(by).lead().isEmpty()) {
            return false;
        }
        int names = 0;
        boolean known = false;
        boolean initial = false;
        for (int i = by + 1; i < tokens.size() && names < 4; i++) {
            Token t = tokens.get(i);
            String word = text.substring(t.start(), t.end());
            if (!t.capitalised(text) || !t.lead().isEmpty()) {
                break;
            }
            names++;
            if (word.length() == 1 && t.trail().startsWith(".")) {
                initial = true;
            } else {
                String lower = word.toLowerCase(Locale.ROOT);
                known |= !EnglishWords.contains(lower) || surnames.contains(lower) || person.test(lower);
            }
            if (!t.trail().isEmpty() && !(word.length() == 1 && t.trail().equals("."))) {
                break;
            }
        }
        return names >= 2 && (known || initial);
    }

    /** @return true for a lower-case participle of authorship before {@code by}: {@code written}, {@code read} */
    private static boolean participle(String word) {
        return word.equals("read") || word.equals("written") || word.length() > 4 && word.endsWith("ed")
                && word.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    /**
     * @return true when the subtitle {@code (end, subEnd]} is a cue by itself: two words or more, and after a title of
     *     one word three or more that open with an article or a preposition
     */
    private static boolean subtitleShape(String text, List<Token> tokens, int start, int end, int subEnd) {
        int words = subEnd - end;
        if (end == start) {
            return words >= 3 && SUBTITLE_OPENERS.contains(tokens.get(end + 1).lower(text));
        }
        return words >= 2;
    }

    /** @return true when a format or a numbered part follows the title ending at token {@code end}, ending a clause */
    private static boolean formatFollows(String text, List<Token> tokens, int end) {
        String trail = unquoted(tokens.get(end).trail());
        if (!trail.isEmpty() && !trail.equals(",") && !trail.equals(";") && !trail.equals(":")) {
            return false;
        }
        int i = end + 1;
        if (i < tokens.size() && DASHES.contains(tokens.get(i).lower(text))) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).lead().equals("(") && tokens.get(i).trail().startsWith(")")
                && number(tokens.get(i).lower(text))) {
            i++; // a year: "Prick Up Your Ears (1987) Blu-ray"
        }
        for (int k = 0; k < 3 && i + k < tokens.size(); k++) {
            Token t = tokens.get(i + k);
            String word = t.lower(text);
            if (PARTS.contains(word) && i + k + 1 < tokens.size() && number(tokens.get(i + k + 1).lower(text))) {
                return clauseEnds(text, tokens, i + k + 1);
            }
            if (format(word) || word.equals("set") && k > 0) {
                return clauseEnds(text, tokens, i + k);
            }
            if (!t.trail().isEmpty() || !t.lead().isEmpty() || SMALL.contains(word) || NO_CONTENT.contains(word)
                    || POSSESSIVES.contains(word) || OBJECTS.contains(word)) {
                return false; // "Bitch, buy my DVD": no format qualified by a pronoun or a verb of address
            }
        }
        return false;
    }

    /** @return true when nothing but punctuation, a number, another format or an author follows token {@code i} */
    private static boolean clauseEnds(String text, List<Token> tokens, int i) {
        if (i + 1 >= tokens.size() || !tokens.get(i).trail().isEmpty() || !tokens.get(i + 1).lead().isEmpty()) {
            return true;
        }
        String after = tokens.get(i + 1).lower(text);
        return format(after) || after.equals("set") || after.equals("by") || number(after)
                || DASHES.contains(after);
    }

    /** @return true for a format, also counted ({@code 2CD}, {@code 3xLP}) */
    private static boolean format(String word) {
        int i = 0;
        while (i < word.length() && Character.isDigit(word.charAt(i))) {
            i++;
        }
        if (i > 0 && i < word.length() && word.charAt(i) == 'x') {
            i++;
        }
        return FORMATS.contains(i == 0 || i == word.length() ? word : word.substring(i));
    }

    private static boolean number(String word) {
        return !word.isEmpty() && (word.chars().allMatch(Character::isDigit)
                || word.chars().allMatch(c -> "ivxlc".indexOf(c) >= 0) && word.length() <= 4);
    }

    /** @return true when a cue begins at token {@code i}: a format, a numbered part or {@code by} */
    private static boolean cueStarts(String text, List<Token> tokens, int i) {
        String word = tokens.get(i).lower(text);
        return format(word) && clauseEnds(text, tokens, i) || word.equals("by")
                || PARTS.contains(word) && i + 1 < tokens.size() && number(tokens.get(i + 1).lower(text));
    }

    /** @return the tokens of the title between quotation marks or italics markers around token {@code w}, or null */
    private static int[] quoted(List<Token> tokens, int w) {
        for (int s = w; s >= 0 && w - s < 12; s--) {
            String lead = tokens.get(s).lead();
            if (!lead.isEmpty()) {
                char open = lead.charAt(lead.length() - 1);
                char close = closer(open);
                if (close == 0) {
                    return null;
                }
                for (int e = Math.max(s, w); e < tokens.size() && e - s < 12; e++) {
                    String trail = tokens.get(e).trail();
                    if (!trail.isEmpty() && trail.charAt(0) == close) {
                        return new int[] {s, e};
                    }
                    if (e > w && !trail.isEmpty() || e > s && !tokens.get(e).lead().isEmpty()) {
                        return null;
                    }
                }
                return null;
            }
            if (s < w && !tokens.get(s).trail().isEmpty()) {
                return null;
            }
        }
        return null;
    }

    /** @return true when a quotation mark or italics marker stands before {@code from} in its sentence */
    private static boolean openedBefore(String text, int from) {
        for (int i = from - 1; i >= 0 && i >= from - WINDOW; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                return false;
            }
            if (c == '"' || c == '\u201C' || c == '\u2018' || c == '*' || c == '_') {
                return true;
            }
        }
        return false;
    }

    /**
     * @return true when the capitalised word of {@code [from, to)} can only be a title of one word with neither an
     *     author nor a subtitle: no colon after it, and neither the word before nor the word after it is a title word
     *     (capitalised, a number or a small word) or {@code by} or a participle of authorship
     */
    private static boolean alone(String text, int from, int to) {
        int e = to;
        while (e < text.length() && !Character.isWhitespace(text.charAt(e))) {
            if (text.charAt(e++) == ':') {
                return false;
            }
        }
        int n = e;
        while (n < text.length() && text.charAt(n) == ' ') {
            n++;
        }
        int ne = n;
        while (ne < text.length() && Character.isLetterOrDigit(text.charAt(ne))) {
            ne++;
        }
        if (ne > n && !Character.isLowerCase(text.charAt(n))) {
            return false;
        }
        String next = text.substring(n, ne);
        if (SMALL.contains(next) || next.equals("by") || participle(next)) {
            return false;
        }
        int s = from;
        while (s > 0 && !Character.isWhitespace(text.charAt(s - 1))) {
            s--;
        }
        int p = s;
        while (p > 0 && text.charAt(p - 1) == ' ') {
            p--;
        }
        if (p == s || p == 0) {
            return true; // nothing before it on the line, or only spaces
        }
        if (text.charAt(p - 1) == ',' || text.charAt(p - 1) == ';') {
            return false; // a title may go on over a comma: "Pussy, King of the Pirates"
        }
        int ps = p;
        while (ps > 0 && Character.isLetterOrDigit(text.charAt(ps - 1))) {
            ps--;
        }
        return ps == p || Character.isLowerCase(text.charAt(ps))
                && !SMALL.contains(text.substring(ps, p).toLowerCase(Locale.ROOT));
    }

    /** @return the marks after a word less the quotation marks or italics markers that close a title */
    private static String unquoted(String trail) {
        int i = 0;
        while (i < trail.length() && "\"\u201D\u2019*_".indexOf(trail.charAt(i)) >= 0) {
            i++;
        }
        return trail.substring(i);
    }

    private static char closer(char open) {
        switch (open) {
            case '"':
                return '"';
            case '\u201C':
                return '\u201D';
            case '\u2018':
                return '\u2019';
            case '*':
                return '*';
            case '_':
                return '_';
            default:
                return 0;
        }
    }

    /** @return true when token {@code i} follows token {@code i - 1} inside a title: a space, comma or semicolon */
    private static boolean joinedBefore(String text, List<Token> tokens, int i) {
        Token prev = tokens.get(i - 1);
        return tokens.get(i).lead().isEmpty() && (prev.trail().isEmpty()
                || (prev.trail().equals(",") || prev.trail().equals(";")) && tokens.get(i).capitalised(text));
    }

    /** @return true when token {@code i + 1} goes on the title ending at token {@code i} */
    private static boolean joinedAfter(String text, List<Token> tokens, int i) {
        return joinedBefore(text, tokens, i + 1)
                && !(tokens.get(i).trail().equals(",") && tokens.get(i + 1).lower(text).equals("by"));
    }

    private static boolean titleWord(String text, Token t) {
        return t.capitalised(text) || SMALL.contains(t.lower(text)) || Character.isDigit(text.charAt(t.start()));
    }

    private static int capitals(String text, List<Token> tokens, int start, int end) {
        int n = 0;
        for (int i = start; i <= end; i++) {
            n += tokens.get(i).capitalised(text) || Character.isDigit(text.charAt(tokens.get(i).start())) ? 1 : 0;
        }
        return n;
    }

    private static boolean allCapitals(String text, List<Token> tokens, int start, int end) {
        for (int i = start; i <= end; i++) {
            Token t = tokens.get(i);
            for (int c = t.start(); c < t.end(); c++) {
                if (Character.isLowerCase(text.charAt(c))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * @return the words of the line around {@code [from, to)}, split at white space, each with the quotation marks,
     *     brackets and punctuation before and after it
     */
    private static List<Token> tokens(String text, int from, int to) {
        int lo = Math.max(0, from - WINDOW);
        int hi = Math.min(text.length(), to + WINDOW);
        for (int i = from - 1; i >= lo; i--) {
            if (text.charAt(i) == '\n') {
                lo = i + 1;
                break;
            }
        }
        for (int i = to; i < hi; i++) {
            if (text.charAt(i) == '\n') {
                hi = i;
                break;
            }
        }
        List<Token> out = new ArrayList<>();
        int i = lo;
        while (i < hi) {
            while (i < hi && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < hi && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (s == i) {
                break;
            }
            int cs = s;
            while (cs < i - 1 && OPENING.indexOf(text.charAt(cs)) >= 0) {
                cs++;
            }
            int ce = i;
            while (ce > cs + 1 && CLOSING.indexOf(text.charAt(ce - 1)) >= 0) {
                ce--;
            }
            out.add(new Token(cs, ce, text.substring(s, cs), text.substring(ce, i)));
        }
        return out;
    }

    @Override
    public String toString() {
        return "ListedTitles[" + FORMATS.size() + " formats, " + surnames.size() + " surnames]";
    }
}
