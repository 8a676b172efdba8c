package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The packed per-char entries of {@link ScanTable} hold exactly what the one-pass scan looked up separately before
 * (the plain-path class, the phrase char, the two automata's columns), for every char; and the scan with the
 * default policy's table gives the views and matches of the reference normalizer and a plain search, also when an
 * automaton is left out of the table and searched afterwards.
 */
class ScanTableTest {

    private static final DefaultContentPolicy POLICY = (DefaultContentPolicy) ContentPolicy.defaults();
    private static final AhoCorasick STRICT = POLICY.scanTable().strictMatcher;
    private static final AhoCorasick PHRASE = POLICY.scanTable().phraseMatcher;

    /** Letters, digits, leet and separator chars, spaces, look-alikes, zero-width, combining and dash chars. */
    private static final String MIXED = "aabcdefhiklnorstuyzAFKS   .-_*/\\~,!|+@$0134578#()'\"\t\n"
            + "\u00b7\u2022\u00a1\u20ac\u00a7\u00a2\u00a3\u200b\u00ad\u0301\u00e9\u00df\u0130\u0131\ufb01\u00bd"
            + "\uff46\uff21\u0430\u0435\u043e\u0441\u03bc\u03bf\u2010\u2013\u2014";
    private static final List<String> WORDS = List.of("shit", "sh1t", "f u c k", "f*ck", "a$$", "Rolex", "replica",
            "only 3 left", "100% guaranteed", "clinically proven", "soft", "linen", "Item 123456, \u00a39.99.", " ",
            " ", ". ", "-", "\u2013", "\u200b", "\u0430", "ff", "oo");

    private static Gen<String> texts() {
        return lists().of(integers().between(0, MIXED.length() + WORDS.size() - 1)).ofSizeBetween(0, 50).map(ix -> {
            StringBuilder b = new StringBuilder();
            for (int i : ix) {
                b.append(i < MIXED.length() ? String.valueOf(MIXED.charAt(i)) : WORDS.get(i - MIXED.length()));
            }
            return b.toString();
        });
    }

    @Test
    void everyEntryHoldsTheSeparateLookUps() {
        ScanTable t = POLICY.scanTable();
        assertThat(t.strictFused).isTrue();
        assertThat(t.phraseFused).isTrue();
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            long e = c < 256 ? t.latin[c] : t.entry(c);
            char pc = Normalizer.phraseChar(c);
            assertThat((int) e & ScanTable.CHECK_MASK).as("class of %d", i).isEqualTo(Normalizer.plainCheckClass(c));
            assertThat((e & ScanTable.COLLAPSES) != 0).as("collapsing of %d", i).isEqualTo(pc == ' ' || pc == '#');
            if (c < 256) {
                assertThat((char) (c ^ ((int) (e >>> ScanTable.PHRASE_XOR_SHIFT) & 0xff))).as("phrase char of %d", i)
                        .isEqualTo(pc);
                assertThat(t.latin[c]).isEqualTo(t.entry(c));
            }
            assertThat((int) (e >>> ScanTable.STRICT_COLUMN_SHIFT) & ScanTable.COLUMN_MASK).as("strict column of %d", i)
                    .isEqualTo(STRICT.classes()[c] * STRICT.stride());
            assertThat((int) (e >>> ScanTable.PHRASE_COLUMN_SHIFT)).as("phrase column of %d", i)
                    .isEqualTo(PHRASE.classes()[pc] * PHRASE.stride());
        }
    }

    @Test
    void aTableWithoutAutomataHasZeroColumns() {
        for (char c = 0; c < 256; c++) {
            assertThat(ScanTable.PLAIN.latin[c] >>> ScanTable.STRICT_COLUMN_SHIFT).isZero();
        }
        assertThat(ScanTable.of(null, null)).isSameAs(ScanTable.PLAIN);
    }

    private static void sameView(TextView fast, TextView ref, String text) {
        assertThat(fast.length).as("length of %s", text).isEqualTo(ref.length);
        for (int i = 0; i < ref.length; i++) {
            assertThat(fast.chars[i]).as("char %d of %s", i, text).isEqualTo(ref.chars[i]);
            assertThat(fast.startAt(i)).as("start %d of %s", i, text).isEqualTo(ref.start[i]);
            assertThat(fast.endAt(i)).as("end %d of %s", i, text).isEqualTo(ref.end[i]);
        }
    }

    /** The scan with {@code table} against the reference views, each automaton's matches against a plain search. */
    private static void scanEqualsTheReference(String text, ScanTable table, Workspace w) {
        TextView refLight = ReferenceNormalizer.light(text);
        TextView refStrict = ReferenceNormalizer.strict(refLight);
        TextView refPhrase = ReferenceNormalizer.phrase(refLight);
        Matches sf = new Matches();
        Matches pf = new Matches();
        TextView strict = Normalizer.strictAndPhrase(Normalizer.light(text, w), w, table, sf, pf);
        sameView(strict, refStrict, text);
        if (sf.valid) {
            assertThat(FusedScanTest.replayed(sf, STRICT, strict)).as(text).isEqualTo(FusedScanTest.searched(STRICT, refStrict));
        }
        if (pf.view != null) {
            sameView(pf.view, refPhrase, text);
        }
        if (pf.valid) {
            assertThat(FusedScanTest.replayed(pf, PHRASE, pf.view)).as(text).isEqualTo(FusedScanTest.searched(PHRASE, refPhrase));
        }
        // the views are built in one pass exactly when no letters are written one by one
        assertThat(pf.view != null).as(text).isEqualTo(strict.joined == null && !refJoined(refStrict));
        assertThat(sf.valid).as(text).isEqualTo(pf.view != null && table.strictFused);
        assertThat(pf.valid).as(text).isEqualTo(pf.view != null && table.phraseFused);
    }

    private static boolean refJoined(TextView v) {
        if (v.joined == null) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            if (v.joined[i]) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theScanWithThePolicysTableEqualsTheReference() {
        ScanTable table = POLICY.scanTable();
        Workspace w = Workspace.acquire(100);
        assertThat(w).isNotNull();
        try {
            qt().withExamples(3000).forAll(texts()).checkAssert(s -> {
                scanEqualsTheReference(s, table, null);
                scanEqualsTheReference(s, table, w);
            });
            qt().withExamples(1500).forAll(strings().allPossible().ofLengthBetween(0, 60))
                    .checkAssert(s -> scanEqualsTheReference(s, table, w));
        } finally {
            w.release();
        }
    }

    @Test
    void anAutomatonTooLargeForTheFieldsIsLeftToASearch() {
        // a limit between the strict automaton's last column and the phrase automaton's: only the strict one fits
        int strictLast = (STRICT.steps().length / STRICT.stride() - 1) * STRICT.stride();
        int phraseLast = (PHRASE.steps().length / PHRASE.stride() - 1) * PHRASE.stride();
        assertThat(strictLast).isLessThan(phraseLast);
        ScanTable partial = ScanTable.of(STRICT, PHRASE, strictLast);
        assertThat(partial.strictFused).isTrue();
        assertThat(partial.phraseFused).isFalse();
        ScanTable none = ScanTable.of(STRICT, PHRASE, 0);
        assertThat(none.strictFused).isFalse();
        qt().withExamples(1500).forAll(texts()).checkAssert(s -> {
            scanEqualsTheReference(s, partial, null);
            scanEqualsTheReference(s, none, null);
        });
        String text = "Only 3 left, sh1t hot replica Rolex";
        PolicyResult expected = POLICY.check(text);
        for (ScanTable t : List.of(partial, none)) {
            PolicyResult got = POLICY.check(text, new Analysis(text, null, t));
            assertThat(got).isEqualTo(expected);
            assertThat(got.findings()).isNotEmpty();
        }
    }
}
