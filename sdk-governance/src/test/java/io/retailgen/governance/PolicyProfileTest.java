package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.intercept.Severity;
import io.retailgen.core.intercept.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyProfileTest {

    private static final ContentPolicy COPY = ContentPolicy.defaults();
    private static final ContentPolicy REVIEWS = ContentPolicy.defaults(PolicyProfile.USER_CONTENT);

    @Test
    void mildWordsAreRedactedInGeneratedCopy() {
        for (String text : List.of("This damn jacket is warm", "No more crap zippers", "Goddamn comfortable boots",
                "Don't be a douchebag, wear a helmet")) {
            PolicyResult r = COPY.check(text);
            assertThat(r.verdict()).as(text + " " + r.findings()).isEqualTo(Verdict.REDACT);
            assertThat(r.redactedText()).contains("*");
        }
    }

    @Test
    void mildWordsAreMaskedNeverBlockedInUserContent() {
        for (String text : List.of("The zipper broke after a week, damn it", "Crap stitching, returned it",
                "Honestly this shit fell apart", "what a crappy bag")) {
            PolicyResult r = REVIEWS.check(text);
            assertThat(r.verdict()).as(text + " " + r.findings()).isEqualTo(Verdict.REDACT);
        }
        assertThat(COPY.check("Honestly this shit fell apart").verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void claimsBlockInGeneratedCopyAndAreLeftToUsersInReviews() {
        assertThat(COPY.check("Only 2 left - lowest price ever!").verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(REVIEWS.check("Only 2 left - lowest price ever!").verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void vagueGreenClaimsGoToReviewNotBlock() {
        PolicyResult r = COPY.check("Shorts in a fabric infused with all-natural fibres");
        assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(Verdict.REVIEW);
        assertThat(r.findings()).anyMatch(f -> f.ruleId().equals("claim.greenwashing") && f.confidence() < 0.7);
    }

    @Test
    void retailVocabularyRatedLowStaysAllowedInBothProfiles() {
        for (ContentPolicy p : List.of(COPY, REVIEWS)) {
            assertThat(p.check("Nude lipstick and lace panties set").verdict()).isEqualTo(Verdict.ALLOW);
        }
    }

    @Test
    void unsureFindingsThatWouldBlockGoToReview() {
        ContentPolicy p = ContentPolicy.builder()
                .check(t -> t.contains("maybe") ? List.of(new Finding(0, 5, "x.maybe", "x", Severity.HIGH, "m", 0.4))
                        : t.contains("sure") ? List.of(new Finding(0, 4, "x.sure", "x", Severity.HIGH, "m", 0.9))
                        : List.of())
                .build();
        PolicyResult unsure = p.check("maybe bad");
        assertThat(unsure.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(unsure.output()).isNull();
        assertThat(unsure.redactedText()).isEqualTo("***** bad");
        assertThat(p.check("sure bad").verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(p.check("fine").verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void reviewShortCircuitsTheInterceptorChain() {
        ContentPolicy p = ContentPolicy.builder()
                .check(t -> List.of(new Finding(0, 1, "x.maybe", "x", Severity.HIGH, "m", 0.5))).build();
        InterceptorChain chain = InterceptorChain.of(List.of(new PolicyInterceptor(p)));
        GenerationResponse r = chain.execute(GenerationRequest.builder().module("m").operation("o").text("t").build(),
                req -> GenerationResponse.allow(req.text()));
        assertThat(r.verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(r.text()).isNull();
        assertThat(r.attributes()).containsEntry("policy.verdict", "REVIEW");
    }

    @Test
    void profilesParseByTheirCliNamesAndPolicyFilesMayNameOne() {
        assertThat(PolicyProfile.parse("generated-copy")).isEqualTo(PolicyProfile.GENERATED_COPY);
        assertThat(PolicyProfile.parse("USER_CONTENT")).isEqualTo(PolicyProfile.USER_CONTENT);
        assertThatThrownBy(() -> PolicyProfile.parse("reviews")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'reviews'").hasMessageContaining("user-content");
        String json = "{\"profile\": \"user-content\", \"profanity\": {\"terms\": {\"zonk\": \"HIGH\"}}}";
        ContentPolicy p = ContentPolicy.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                null);
        assertThat(p.check("what a zonk").verdict()).isEqualTo(Verdict.REDACT);
        String bad = "{\"profile\": \"reviews\", \"profanity\": {\"terms\": {\"zonk\": \"HIGH\"}}}";
        assertThatThrownBy(() -> ContentPolicy.fromJson(
                new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), null))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("reviews");
    }
}
