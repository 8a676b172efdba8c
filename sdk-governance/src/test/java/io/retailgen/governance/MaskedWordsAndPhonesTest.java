package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaskedWordsAndPhonesTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"what the f*ck", "this is sh*t", "F**K this", "you a**hole", "so f*cking bad",
        "b*tch please", "total sh*tshow? no: sh*t"})
    void wordsMaskedWithStarsAreCaught(String text) {
        PolicyResult r = POLICY.check(text);
        assertThat(r.findings()).as(text).anyMatch(f -> f.category().equals("profanity"));
        assertThat(r.verdict()).as(text).isNotEqualTo(Verdict.ALLOW);
        Finding f = r.findings().stream().filter(x -> x.ruleId().equals("profanity.masked")).findFirst()
                .orElseThrow();
        assertThat(text.substring(f.start(), f.end())).contains("*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Free shipping on orders over $50*", "*Terms and conditions apply", "**NEW** arrivals",
        "Rated 4.8* by 2,000 shoppers", "Sizes S*M*L available", "5*5 grid shelf", "Spring*Summer collection",
        "Use code SAVE*20 at checkout", "Hand-wash only*", "Made in Italy* (*leather from Spain)",
        "Ships in 2-3 days*; see *details*"})
    void starsInOrdinaryCopyAreLeftAlone(String text) {
        assertThat(POLICY.check(text).findings()).as(text)
                .noneMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"call 5551234567 today", "Text me: 07946095800", "whatsapp 14155552671",
        "Phone 2025550143 after 5pm", "you can reach me on 4155552671"})
    void phoneNumbersWithoutSeparatorsNeedACue(String text) {
        assertThat(POLICY.check(text).findings()).as(text).extracting(Finding::ruleId).containsExactly("pii.phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPC 012345678905", "Order 5551234567 has shipped", "SKU 4155552671 in stock",
        "EAN 4006381333931", "call us about order 5551234567", "ISBN 0306406152"})
    void otherLongNumbersAreNotPhones(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.ruleId().equals("pii.phone"));
    }
}
