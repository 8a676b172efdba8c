package io.retailgen.governance;

/**
 * What the one-pass scan of {@link Normalizer#strictAndPhrase} looks up for a char, for one pair of automata (the
 * one run over the strict view and the one run over the phrase view), packed in one {@code long} per char below 256
 * so that a char of Latin-1 text costs one table load instead of one per table (the plain-path check's class, the
 * strict automaton's column, the phrase view's char and the phrase automaton's column). Chars from 256 up are
 * packed the same way when they occur ({@link #entry(char)}), at the cost of the separate look-ups. Immutable and
 * safe for concurrent use; built once per policy.
 *
 * <p>The fields of an entry, from the lowest bit: the class of {@code Normalizer.PlainCheck} with its letter bit
 * (9 bits); whether the phrase char is a space or {@code '#'}, which repeats fold into one (1 bit); the phrase char
 * XOR the char, for chars below 256 (8 bits); the offset of the strict automaton's column for the char in its
 * {@link AhoCorasick#steps()} (23 bits); the offset of the phrase automaton's column for the phrase char (23 bits).
 */
final class ScanTable {

    static final int CHECK_MASK = 0x1ff;
    static final long COLLAPSES = 1L << 9;
    static final int PHRASE_XOR_SHIFT = 10;
    static final int STRICT_COLUMN_SHIFT = 18;
    static final int PHRASE_COLUMN_SHIFT = 41;
    static final int COLUMN_MASK = (1 << 23) - 1;

    /** A table without automata: the scan builds the views only. */
    static final ScanTable PLAIN = new ScanTable(null, null, COLUMN_MASK);

    /** The automata as given (each may be null), which the scan's {@link Matches} name. */
    final AhoCorasick strictMatcher;
    final AhoCorasick phraseMatcher;
    /**
     * The automata the scan steps ({@link AhoCorasick#NONE} for one that is absent, or too large for 16-bit steps
     * or for the column fields, which the callers then search after the scan).
     */
    final AhoCorasick strictSteps;
    final AhoCorasick phraseSteps;
    /** Whether {@link #strictSteps} and {@link #phraseSteps} are the given automata. */
    final boolean strictFused;
    final boolean phraseFused;
    /** The entry of every char below 256. */
    final long[] latin = new long[256];

    private ScanTable(AhoCorasick strict, AhoCorasick phrase, int columnLimit) {
        strictMatcher = strict;
        phraseMatcher = phrase;
        strictFused = packable(strict, columnLimit);
        phraseFused = packable(phrase, columnLimit);
        strictSteps = strictFused ? strict : AhoCorasick.NONE;
        phraseSteps = phraseFused ? phrase : AhoCorasick.NONE;
        for (char c = 0; c < 256; c++) {
            latin[c] = entry(c);
        }
    }

    /**
     * @param strict the automaton to run over the strict view, or null
     * @param phrase the automaton to run over the phrase view, or null
     * @return the table for the pair
     */
    static ScanTable of(AhoCorasick strict, AhoCorasick phrase) {
        return strict == null && phrase == null ? PLAIN : new ScanTable(strict, phrase, COLUMN_MASK);
    }

    /**
     * @param columnLimit the largest column offset to pack (at most {@link #COLUMN_MASK}; lower in tests, to reach
     *     the case of an automaton too large for the fields without building one)
     * @return the table for the pair
     */
    static ScanTable of(AhoCorasick strict, AhoCorasick phrase, int columnLimit) {
        return new ScanTable(strict, phrase, Math.min(columnLimit, COLUMN_MASK));
    }

    /** @return whether the automaton is there and its columns fit the entries' fields */
    private static boolean packable(AhoCorasick m, int columnLimit) {
        if (m == null || m.steps() == null) {
            return false;
        }
        long lastColumn = (long) (m.steps().length / m.stride() - 1) * m.stride();
        return lastColumn <= columnLimit;
    }

    /** @return the entry of any char (for a char from 256 up, its phrase-char field is 0: the scan computes it) */
    long entry(char c) {
        char pc = Normalizer.phraseChar(c);
        long e = Normalizer.plainCheckClass(c);
        e |= pc == ' ' || pc == '#' ? COLLAPSES : 0;
        e |= c < 256 ? (long) (pc ^ c) << PHRASE_XOR_SHIFT : 0;
        e |= (long) column(strictSteps, c) << STRICT_COLUMN_SHIFT;
        e |= (long) column(phraseSteps, pc) << PHRASE_COLUMN_SHIFT;
        return e;
    }

    private static int column(AhoCorasick m, char c) {
        return m.classes()[c] * m.stride();
    }
}
