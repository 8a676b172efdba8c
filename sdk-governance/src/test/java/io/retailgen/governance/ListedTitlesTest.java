package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import io.retailgen.core.intercept.Verdict;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Titles of books, films, records and games that hold a lexicon word, recognised by the cues of a product listing (a
 * format, an author, a subtitle), and the abuse that borrows those cues.
 */
class ListedTitlesTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "Bastard Out of Carolina, paperback",
        "The Bastard of Istanbul by Elif Shafak",
        "The Subtle Art of Not Giving a F*ck, hardcover",
        "Go the F**k to Sleep, picture book",
        "Bitch Planet Volume 1",
        "Shit My Dad Says, paperback",
        "Prick Up Your Ears DVD",
        "Pussy, King of the Pirates by Kathy Acker",
        "Tits and Boobs: A Guide to British Birds",
        "Prick Up Your Ears (1987) Blu-ray",
        "Get Your Sh*t Together by Sarah Knight, paperback",
        "Go the F**k to Sleep read by Samuel L. Jackson, audiobook CD",
        "Bitches Brew Legacy Edition 2CD",
        "Everything Is F*cked: A Book About Hope, hardcover",
        "The Bastard Executioner: Season 1 DVD",
        "'Tis Pity She's a Whore, Oxford World's Classics"})
    void aTitleNamedByItsListingIsAllowed(String text) {
        PolicyResult r = POLICY.check(text);
        assertThat(r.verdict()).as(text).isEqualTo(Verdict.ALLOW);
        assertThat(r.findings()).as(text).isNotEmpty()
                .allMatch(f -> f.ruleId().equals("profanity.title") && f.severity() == Severity.LOW);
        assertThat(ContentPolicy.defaults(PolicyProfile.USER_CONTENT).check(text).verdict()).as(text)
                .isEqualTo(Verdict.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Fuck: Word Taboo and Protecting Our First Amendment Liberties, hardcover",
        "The Motherfucker with the Hat by Stephen Adly Guirgis, acting edition",
        "Cunt: A Declaration of Independence by Inga Muscio"})
    void theStrongestWordsSpelledOutInATitleAreRedactedNotBlocked(String text) {
        PolicyResult r = POLICY.check(text);
        assertThat(r.verdict()).as(text).isEqualTo(Verdict.REDACT);
        assertThat(r.findings()).as(text).allMatch(f -> f.ruleId().equals("profanity.title")
                && f.severity() == Severity.MEDIUM);
    }

    @Test
    void theStrongestWordsAreGradedByHowTheyAreWritten() {
        assertThat(ListedTitles.inTitle("Fuck")).isEqualTo(Severity.MEDIUM);
        assertThat(ListedTitles.inTitle("Motherfucker")).isEqualTo(Severity.MEDIUM);
        assertThat(ListedTitles.inTitle("Cunt")).isEqualTo(Severity.MEDIUM);
        assertThat(ListedTitles.inTitle("F*ck")).isEqualTo(Severity.LOW);  // masked as the publisher prints it
        assertThat(ListedTitles.inTitle("F**king")).isEqualTo(Severity.LOW);
        assertThat(ListedTitles.inTitle("Bastard")).isEqualTo(Severity.LOW);
        assertThat(ListedTitles.inTitle("Shit")).isEqualTo(Severity.LOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Fuck you by the way",
        "You are a bastard, by God",
        "Shit quality paperback, waste of money",
        "Bitch, buy my DVD",
        "Bitch, Buy My DVD",
        "Fuck You, paperback",
        "Go Fuck Yourself by John Smith",
        "Shut Up Bitch, hardcover",
        "Eat My Shit, vinyl LP",
        "You Are a Bastard, paperback",
        "Your Mum Is a Whore, DVD",
        "My Boss Is a Prick, paperback",
        "Fuck Donald Trump, paperback",
        "Fuck the Seller, vinyl LP",
        "Fuck Your Feelings, paperback",
        "Dumb Bitch Volume 1",
        "Bitch of the Year, hardcover",
        "Fuck Off: A Guide to Leaving",
        "Fuck You All, vinyl LP",
        "Bitch Please, hardcover",
        "Shit Quality Paperback, Waste of Money",
        "Fuck Amazon, paperback arrived late",
        "Useless Cunt by Amazon Seller",
        "Bastard by Design, hardcover",
        "Dick Head, paperback",
        "F*ck You, hardcover",
        "You Are a C*nt by John Smith",
        "SHIT MY DAD SAYS, PAPERBACK"})
    void abuseWithTheCuesOfAListingStaysFlagged(String text) {
        PolicyResult r = POLICY.check(text);
        assertThat(r.verdict()).as(text).isNotEqualTo(Verdict.ALLOW);
        assertThat(r.findings()).as(text).noneMatch(f -> f.ruleId().equals("profanity.title"));
    }

    @Test
    void aSlurIsNeverGradedDownInATitle() {
        String text = "Nigger: The Strange Career of a Troublesome Word by Randall Kennedy";
        assertThat(POLICY.check(text).verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void eachCueMakesATitleAndNothingElseDoes() {
        ListedTitles titles = new ListedTitles(Set.of("knight")::contains, Set.of("king"));
        Set<String> lexicon = Set.of("shit", "bitch", "bastard");
        // a format ending its clause, after at most two qualifying words, or a numbered part
        assertThat(titles.listed("Shit My Dad Says, mass market paperback", 0, 4, lexicon)).isTrue();
        assertThat(titles.listed("Shit My Dad Says - paperback", 0, 4, lexicon)).isTrue();
        assertThat(titles.listed("Shit My Dad Says (Paperback)", 0, 4, lexicon)).isTrue();
        assertThat(titles.listed("Bitch Planet Vol. 2", 0, 5, lexicon)).isTrue();
        assertThat(titles.listed("Shit My Dad Says paperback arrived torn", 0, 4, lexicon)).isFalse();
        assertThat(titles.listed("Shit My Dad Says, buy my paperback", 0, 4, lexicon)).isFalse();
        assertThat(titles.listed("Shit My Dad Says mug", 0, 4, lexicon)).isFalse();
        // an author: two capitalised words or more, one no English word or a known surname or person
        assertThat(titles.listed("The Bastard by Sam Kean", 4, 11, lexicon)).isTrue();
        assertThat(titles.listed("The Bastard Brigade by Sam Knight", 4, 11, lexicon)).isTrue();
        assertThat(titles.listed("The Bastard Brigade by J. K. Rowling", 4, 11, lexicon)).isTrue();
        assertThat(titles.listed("The Bastard Brigade by God", 4, 11, lexicon)).isFalse();
        assertThat(titles.listed("The Bastard Brigade by Royal Mail", 4, 11, lexicon)).isFalse();
        assertThat(titles.listed("The Bastard Brigade by the way", 4, 11, lexicon)).isFalse();
        // a subtitle; after one word only with three words or more opening with an article or a preposition
        assertThat(titles.listed("Bitch Doctrine: Essays for Adults", 0, 5, lexicon)).isTrue();
        assertThat(titles.listed("Bitch: On the Female of the Species", 0, 5, lexicon)).isTrue();
        assertThat(titles.listed("Bitch: Seller Never Shipped It", 0, 5, lexicon)).isFalse();
        // quotation marks and italics mark a title in any case; title case is needed without them
        assertThat(titles.listed("\"Everything is shit\" paperback", 15, 19, lexicon)).isTrue();
        assertThat(titles.listed("*Everything is shit* paperback", 15, 19, lexicon)).isTrue();
        assertThat(titles.listed("Everything is shit paperback", 14, 18, lexicon)).isFalse();
        // a word alone is no title with a format; all capitals show no title case
        assertThat(titles.listed("Bastard, paperback", 0, 7, lexicon)).isFalse();
        assertThat(titles.listed("BITCH PLANET VOLUME 1", 0, 5, lexicon)).isFalse();
    }

    @Test
    void aFindingAfterLeadingSpacesIsReadWithoutLookingBeforeTheText() {
        ListedTitles titles = new ListedTitles(Set.of("knight")::contains, Set.of("king"));
        Set<String> lexicon = Set.of("shit", "bitch");
        assertThat(titles.listed(" SHIIIT", 1, 7, lexicon)).isFalse();
        assertThat(titles.listed("   Bitch", 3, 8, lexicon)).isFalse();
        assertThat(POLICY.check(" SHIIIT").verdict()).isNotEqualTo(Verdict.ALLOW);
        assertThat(POLICY.check("  Bitch Planet Vol. 2").verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void gradingLeavesOtherFindingsOfTheTextAlone() {
        PolicyResult r = POLICY.check("Shit My Dad Says, paperback. This seller is a bastard");
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder("profanity.title",
                "profanity.lexicon");
    }
}
