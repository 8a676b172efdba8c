package io.retailgen.core.intercept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationRequestTest {

    @Test
    void builderNamesWhatIsMissing() {
        assertThatThrownBy(() -> GenerationRequest.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("module and operation");
        assertThatThrownBy(() -> GenerationRequest.builder().module("recommend").build())
                .hasMessageContaining("missing operation");
        assertThatThrownBy(() -> GenerationRequest.builder().module(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("module");
        assertThatThrownBy(() -> GenerationRequest.builder().model(null, "3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a model name");
    }

    @Test
    void copiesImageAndAttributesAndComparesBytesByContent() {
        byte[] png = {1, 2, 3};
        Map<String, String> attrs = new HashMap<>(Map.of("k", "v"));
        GenerationRequest a = GenerationRequest.builder().module("imagegen").operation("variation")
                .requestId("id").image(png).attributes(attrs).build();
        png[0] = 9;
        attrs.put("k2", "v2");
        assertThat(a.image()).containsExactly(1, 2, 3);
        a.image()[1] = 7;
        assertThat(a.image()).containsExactly(1, 2, 3);
        assertThat(a.attributes()).containsOnlyKeys("k");
        assertThat(a.hasMedia()).isTrue();
        GenerationRequest b = a.toBuilder().build();
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.withText("t")).isNotEqualTo(a);
        assertThat(a.toString()).contains("image=3 bytes").doesNotContain("[1, 2, 3]");
    }

    @Test
    void defaultsAndRewriting() {
        GenerationRequest r = GenerationRequest.builder().module("m").operation("o").text("hi").build();
        assertThat(r.requestId()).isNotBlank();
        assertThat(r.locale()).isEqualTo(Locale.ROOT);
        assertThat(r.withText("bye").requestId()).isEqualTo(r.requestId());
        assertThat(r.withText("bye").text()).isEqualTo("bye");
        assertThat(r.attribute("missing")).isNull();
    }

    @Test
    void responseAndFindingValidate() {
        assertThatThrownBy(() -> new Finding(5, 4, "r", "c", Severity.LOW, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5..4");
        assertThatThrownBy(() -> new Finding(0, 1, "", "c", Severity.LOW, ""))
                .hasMessageContaining("ruleId");
        assertThat(Finding.whole("r", "c", Severity.LOW, "m").hasSpan()).isFalse();
        GenerationResponse r = GenerationResponse.allow("x").withAttribute("audit", "ok");
        assertThat(r.attributes()).containsEntry("audit", "ok");
        assertThatThrownBy(() -> r.findings().add(Finding.whole("r", "c", Severity.LOW, "m")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(GenerationResponse.block(List.of()).blocked()).isTrue();
    }

    @Test
    void findingCarriesAConfidenceWithinZeroAndOne() {
        assertThat(new Finding(0, 1, "r", "c", Severity.LOW, "m").confidence()).isEqualTo(1.0);
        Finding unsure = new Finding(0, 1, "r", "c", Severity.LOW, "m", 0.4);
        assertThat(unsure.confidence()).isEqualTo(0.4);
        assertThat(unsure.withConfidence(0.9).confidence()).isEqualTo(0.9);
        assertThatThrownBy(() -> new Finding(0, 1, "rule.x", "c", Severity.LOW, "m", 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence 1.5")
                .hasMessageContaining("rule.x");
        assertThatThrownBy(() -> new Finding(0, 1, "r", "c", Severity.LOW, "m", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reviewLiesBetweenRedactAndBlock() {
        assertThat(Verdict.REDACT.strictest(Verdict.REVIEW)).isEqualTo(Verdict.REVIEW);
        assertThat(Verdict.REVIEW.strictest(Verdict.ALLOW)).isEqualTo(Verdict.REVIEW);
        assertThat(Verdict.REVIEW.strictest(Verdict.BLOCK)).isEqualTo(Verdict.BLOCK);
        assertThat(Verdict.valueOf("REVIEW").name()).isEqualTo("REVIEW");
    }

    @Test
    void verdictsCombineToTheStrictest() {
        assertThat(Verdict.ALLOW.strictest(Verdict.REDACT)).isEqualTo(Verdict.REDACT);
        assertThat(Verdict.BLOCK.strictest(Verdict.ALLOW)).isEqualTo(Verdict.BLOCK);
        assertThat(Verdict.REDACT.strictest(Verdict.REDACT)).isEqualTo(Verdict.REDACT);
    }
}
