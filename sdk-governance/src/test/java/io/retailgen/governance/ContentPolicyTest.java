package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import io.retailgen.core.intercept.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentPolicyTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "what the fuck is this",
        "what the FUCK is this",
        "what the f\u200Buck is this",
        "what the fu\u00ADck is this",
        "what the f u c k is this",
        "what the f.u.c.k is this",
        "what the f-u-c-k is this",
        "what the fuuuuuck is this",
        "what the ｆｕｃｋ is this",
        "what the fúçk is this",
        "what the fu\u0301ck is this",
        "this is sh1t",
        "this is $h!t",
        "this is shiiiit",
        "this is ѕһіt",
        "you are an a$$hole",
        "you are an 4ssh0le",
        "you are a b1tch",
        "you are a bιtch",
        "what a c u n t",
        "𝐟𝐮𝐜𝐤 this",
        "fucking useless",
        "what a motherfucker",
    })
    void obfuscatedProfanityIsNotAllowed(String text) {
        PolicyResult r = POLICY.check(text);
        assertThat(r.verdict()).as(text).isNotEqualTo(Verdict.ALLOW);
        assertThat(r.findings()).anyMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Scunthorpe United home shirt",
        "A classic glass bass for the cocktail hour",
        "Penistone pottery and Essex lavender",
        "Hand-picked shiitake mushrooms with cumin",
        "The analyst said the therapist's grapes were great",
        "Assess the brass compass before you pass it on",
        "A cocker spaniel print on a buttery soft tee",
        "Dickens box set, title page signed",
        "Cockpit-style dashboard with a peacock finish",
        "Arsenal home kit 2024",
        "Sussex and Middlesex county maps",
        "Documented cumulative rainfall",
        "Chunky knit beanbag cover in kumquat orange",
        "Reefer jacket with pom pom hat",
        "Garden hoes and a weed whacker",
        "Nude lipstick and lace panties set",
        "Hardcore workout leggings with butt lift seams",
        "Dog treats for small breeds",
        "Size 10 shoes, 4x4 grid print, 24/7 support",
        "Grab your 5-star rated jacket now!",
    })
    void cleanCopyIsAllowed(String text) {
        PolicyResult r = POLICY.check(text);
        assertThat(r.verdict()).as(text + " -> " + r.findings()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void findingSpansPointIntoTheOriginalText() {
        String text = "Great ｆ\u200Bｕｃｋｉｎｇ product";
        PolicyResult r = POLICY.check(text);
        Finding f = r.findings().get(0);
        assertThat(text.substring(f.start(), f.end())).isEqualTo("ｆ\u200Bｕｃｋｉｎｇ");
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void spacedLettersMapBackToTheWholeSpan() {
        String text = "so s h i t right";
        Finding f = POLICY.check(text).findings().get(0);
        assertThat(text.substring(f.start(), f.end())).isEqualTo("s h i t");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Lowest price ever on this blender!",
        "Clinically proven to reduce wrinkles",
        "FDA approved formula",
        "This tea cures cancer",
        "Boosts immunity in days",
        "Only 3 left in stock - hurry!",
        "100% guaranteed results",
        "Eco-friendly and chemical-free packaging",
        "Offer ends tonight",
    })
    void misleadingClaimsAreFlagged(String text) {
        PolicyResult r = POLICY.check(text);
        assertThat(r.verdict()).as(text).isNotEqualTo(Verdict.ALLOW);
        assertThat(r.findings()).anyMatch(f -> f.category().equals("misleading-claim"));
    }

    @Test
    void substantiationSilencesAClaimRule() {
        assertThat(POLICY.check("Clinically proven (clinical study: NCT01234567)").verdict())
                .isEqualTo(Verdict.ALLOW);
        assertThat(POLICY.check("Eco-friendly: GOTS certified organic cotton").verdict()).isEqualTo(Verdict.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Rolex replica watch, AAA quality",
        "Best Gucci dupe bag",
        "1:1 Louis Vuitton speedy",
        "Handbag inspired by Chanel, looks identical",
        "Nike-inspired running shoes",
        "Fake Ray-Ban sunglasses cheap",
        "super copy Cartier love bracelet",
    })
    void counterfeitListingsAreBlocked(String text) {
        PolicyResult r = POLICY.check(text);
        assertThat(r.verdict()).as(text + " -> " + r.findings()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).anyMatch(f -> f.ruleId().equals("counterfeit.brand"));
    }

    @Test
    void authorizedBrandsAndPlainMarkersAreNotBlocked() {
        ContentPolicy p = ContentPolicy.builder().defaults().brands(List.of("Acme"), List.of("Adidas")).build();
        assertThat(p.check("Adidas replica jersey, official fan version").verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(p.check("Acme replica anvil").verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(POLICY.check("A replica of a 1920s travel poster").verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(POLICY.check("Nike Air Zoom running shoes").verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void personalDataIsRedacted() {
        String text = "Contact jane.doe+shop@example.co.uk or +1 (555) 123-4567, card 4111 1111 1111 1111, "
                + "ship to 221B Baker Street.";
        PolicyResult r = POLICY.check(text);
        assertThat(r.verdict()).isEqualTo(Verdict.REDACT);
        assertThat(r.redactedText()).isEqualTo("Contact [EMAIL] or [PHONE], card [CARD], ship to [ADDRESS]");
        assertThat(r.findings()).extracting(Finding::ruleId)
                .containsExactly("pii.email", "pii.phone", "pii.card", "pii.address");
    }

    @Test
    void cardNumbersMustPassLuhnAndOtherNumbersAreLeftAlone() {
        assertThat(POLICY.check("card 4111 1111 1111 1112").findings()).noneMatch(f -> f.ruleId().equals("pii.card"));
        assertThat(POLICY.check("UPC 012345678905, model 2023-11-05, 1,299.99 USD, 30 x 40 x 50 cm").verdict())
                .isEqualTo(Verdict.ALLOW);
        assertThat(POLICY.check("call 020 7946 0958 today").findings()).extracting(Finding::ruleId)
                .containsExactly("pii.phone");
    }

    @Test
    void redactionMasksProfanityWithStars() {
        ContentPolicy p = ContentPolicy.builder()
                .profanity(ProfanityLexicon.builder().term("darn", Severity.MEDIUM).build()).build();
        PolicyResult r = p.check("well d4rn it");
        assertThat(r.verdict()).isEqualTo(Verdict.REDACT);
        assertThat(r.redactedText()).isEqualTo("well **** it");
    }

    @Test
    void customChecksAndVerdictMappingCompose() {
        ContentPolicy p = ContentPolicy.builder()
                .check(t -> t.contains("TODO") ? List.of(Finding.whole("style.todo", "style", Severity.LOW, "todo"))
                        : List.of())
                .verdict(Severity.LOW, Verdict.BLOCK)
                .build();
        assertThat(p.check("TODO write copy").verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(p.check("done").verdict()).isEqualTo(Verdict.ALLOW);
        assertThatThrownBy(() -> ContentPolicy.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no checks configured");
    }

    @Test
    void policyIsReadFromJsonWithRelativeLexiconFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("words.json"), "[\"zonk\", \"blarg\"]");
        Files.writeString(dir.resolve("brands.txt"), "Zorblax\n# comment\n");
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, """
                {"verdicts": {"LOW": "REDACT"},
                 "profanity": {"lexicons": [{"file": "words.json", "format": "list", "severity": "LOW"}],
                               "allow": ["zonks"]},
                 "claims": [{"id": "claim.x", "severity": "HIGH", "phrases": ["best # deals"]}],
                 "counterfeit": {"brandLists": [{"file": "brands.txt"}],
                                 "markers": [{"phrase": "replica", "placement": "BEFORE"}]},
                 "pii": {"kinds": ["email"]}}
                """);
        ContentPolicy p = ContentPolicy.fromJson(policy);
        assertThat(p.check("zonk").verdict()).isEqualTo(Verdict.REDACT);
        assertThat(p.check("zonks").verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(p.check("best 10 deals").verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(p.check("replica Zorblax").verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(p.check("a@b.io").redactedText()).isEqualTo("[EMAIL]");
        assertThat(p.check("call +44 20 7946 0958").verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void malformedPolicyNamesTheProblem() {
        assertThatThrownBy(() -> ContentPolicy.fromJson(new ByteArrayInputStream(
                "{\"verdicts\": {\"LOW\": \"MAYBE\"}}".getBytes(StandardCharsets.UTF_8)), null))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("unknown verdict 'MAYBE'");
        assertThatThrownBy(() -> ContentPolicy.builder().pii(Set.of(PiiKind.EMAIL), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void onePolicyServesManyThreads() throws Exception {
        List<String> texts = List.of("fuck off", "clean copy", "mail a@b.io", "Rolex replica", "Only 2 left");
        List<Verdict> expected = new ArrayList<>();
        for (String t : texts) {
            expected.add(POLICY.check(t).verdict());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        int j = i % texts.size();
                        if (POLICY.check(texts.get(j)).verdict() != expected.get(j)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : futures) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
