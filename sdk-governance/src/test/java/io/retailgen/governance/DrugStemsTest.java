package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Health claims that liken a product to a medicine named by its nonproprietary stem. */
class DrugStemsTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "Berberine capsules work like semaglutide for weight control",
        "Nature's metformin: berberine 500 mg",
        "A natural alternative to atorvastatin",
        "Our herbal blend is as effective as omeprazole",
        "Mimics tirzepatide without the needles",
        "I no longer need my lisinopril since taking these",
        "Instead of ibuprofen, try our balm",
        "The adalimumab dupe your joints deserve",
        "Eliminates the need for insulin",
        "No need for statins ever again"})
    void claimsAgainstMedicinesNamedByTheirStemAreFound(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isEqualTo(Verdict.BLOCK);
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.category().equals("misleading-claim"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Works like a charm on stubborn stains",
        "Nature's finest cotton, woven in Portugal",
        "This cleaner acts like magic",
        "Not a substitute for adalimumab or any prescription medicine",
        "April showers bring May flowers",
        "Cholesterol-free snack bar",
        "Semaglutide is a prescription medicine; talk to your doctor",
        "No need for tools: the shelf clicks together",
        "Does not eliminate the need for insulin"})
    void ordinaryCopyAndDisclaimersStayAllowed(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void stemsNeedThreeLettersBeforeThemAndNoEnglishWord() {
        assertThat(DrugStems.isDrug("semaglutide")).isTrue();
        assertThat(DrugStems.isDrug("statins")).isFalse();
        assertThat(DrugStems.isDrug("atorvastatin")).isTrue();
        assertThat(DrugStems.isDrug("lisinopril")).isTrue();
        assertThat(DrugStems.isDrug("april")).isFalse();
        assertThat(DrugStems.isDrug("cholesterol")).isFalse();
        assertThat(DrugStems.isDrug("riptide")).isFalse();
        assertThat(DrugStems.isDrug("oseltamivir")).isTrue();
        assertThat(DrugStems.isDrug("x-ray")).isFalse();
    }
}
