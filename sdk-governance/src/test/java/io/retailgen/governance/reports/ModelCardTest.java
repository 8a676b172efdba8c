package io.retailgen.governance.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.bundle.DataFingerprint;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardTest {

    private static final String FINGERPRINT = DataFingerprint.ofRows(List.of("s1,a,b", "s2,b,c"));

    private static ModelBundle bundle(Map<String, String> hyperParameters, Map<String, Double> metrics) {
        return ModelBundle.builder().kind("recommend").name("session-gru").version("3")
                .model(new byte[] {8, 1, 2, 3})
                .provenance(Provenance.capture(FINGERPRINT, 60_000, hyperParameters, 42, metrics))
                .created(Instant.parse("2026-01-02T03:04:05Z")).build();
    }

    @Test
    void dpSettingsGiveTheTfPrivacyTutorialEpsilon(@TempDir Path dir) throws Exception {
        // TF Privacy tutorials/README.md: N=60000, batch 256, sigma 1.12, 60 epochs, delta 1e-5 -> epsilon 2.92
        ModelBundle b = bundle(Map.of(ModelCard.NOISE_MULTIPLIER, "1.12", ModelCard.BATCH_SIZE, "256",
                ModelCard.EPOCHS, "60", ModelCard.DELTA, "1e-5", "hidden", "64"), Map.of("recall@20", 0.41));
        ModelCard card = ModelCard.builder().bundle(b).intendedUse("Next-item suggestions in the session sidebar")
                .limitation("Cold-start sessions fall back to popularity").build();
        assertThat(card.privacy()).isNotNull();
        assertThat(card.privacy().steps()).isEqualTo(60L * 60_000 / 256);
        assertThat(card.privacy().epsilon()).isCloseTo(2.92, within(0.03));
        assertThat(card.privacy().deltaAssumed()).isFalse();

        String md = card.toMarkdown();
        assertThat(md).startsWith("# Model card: session-gru 3")
                .contains("Next-item suggestions", FINGERPRINT, "- Rows: 60000", "| hidden | 64 |",
                        "| recall@20 | 0.41 |", "epsilon = 2.9", "Cold-start", "model.onnx")
                .doesNotContain("Trained without differential privacy");

        JsonNode json = new ObjectMapper().readTree(card.toJson());
        assertThat(json.get("data").get("fingerprint").asText()).isEqualTo(FINGERPRINT);
        assertThat(json.get("data").get("rows").asLong()).isEqualTo(60_000);
        assertThat(json.get("privacy").get("epsilon").asDouble()).isEqualTo(card.privacy().epsilon());
        assertThat(json.get("metrics").get("recall@20").asDouble()).isEqualTo(0.41);
        assertThat(json.get("files").has("model.onnx")).isTrue();

        Path md2 = card.write(dir.resolve("cards"));
        assertThat(md2.getFileName().toString()).isEqualTo("session-gru-3.md");
        assertThat(Files.readString(md2)).isEqualTo(md);
        assertThat(Files.readString(dir.resolve("cards/session-gru-3.json"))).isEqualTo(card.toJson());
    }

    @Test
    void samplingRateAndStepsCanBeGivenDirectlyAndDeltaIsAssumedWhenMissing() {
        ModelBundle b = bundle(Map.of(ModelCard.NOISE_MULTIPLIER, "0.6", ModelCard.SAMPLING_RATE,
                Double.toString(256.0 / 60_000), ModelCard.STEPS, Long.toString(30L * 60_000 / 256)), Map.of());
        ModelCard card = ModelCard.builder().bundle(b).intendedUse("test").build();
        assertThat(card.privacy().delta()).isEqualTo(1e-5);
        assertThat(card.privacy().deltaAssumed()).isTrue();
        assertThat(card.privacy().epsilon()).isCloseTo(9.74, within(0.1));
        assertThat(card.limitations()).anyMatch(l -> l.contains("above 10") || l.contains("No evaluation metrics"));
        assertThat(card.toMarkdown()).contains("Delta was not recorded");
    }

    @Test
    void withoutDpSettingsTheCardSaysSoAndBadSettingsAreNamed() {
        ModelCard card = ModelCard.builder().bundle(bundle(Map.of("lr", "0.01"), Map.of("auc", 0.8)))
                .intendedUse("Ranking").build();
        assertThat(card.privacy()).isNull();
        assertThat(card.limitations()).anyMatch(l -> l.contains("without differential privacy"));
        assertThat(card.toMarkdown()).contains("Not trained with differential privacy");
        assertThat(card.toJson()).contains("\"privacy\" : null");

        assertThatThrownBy(() -> ModelCard.builder().bundle(bundle(Map.of(ModelCard.NOISE_MULTIPLIER, "1.1"),
                Map.of())).intendedUse("x").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ModelCard.SAMPLING_RATE);
        assertThatThrownBy(() -> ModelCard.builder().bundle(bundle(Map.of(ModelCard.NOISE_MULTIPLIER, "lots",
                ModelCard.SAMPLING_RATE, "0.01", ModelCard.STEPS, "10"), Map.of())).intendedUse("x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lots'");
        assertThatThrownBy(() -> ModelCard.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("manifest").hasMessageContaining("intended use");
    }

    @Test
    void theRecordedConversionIsTheOneTheCardRecomputesEpsilonWith() throws Exception {
        // sampled Gaussian, q = 0.6, sigma 3, 60 steps, delta 1e-5: improved conversion 8.079 over the default orders
        // (8.338 over the integer orders alone, computed independently in NoiseCalibrationTest), classic 8.8 and up
        Map<String, String> hp = new java.util.HashMap<>(Map.of(ModelCard.NOISE_MULTIPLIER, "3.0",
                ModelCard.SAMPLING_RATE, "0.6", ModelCard.STEPS, "60", ModelCard.DELTA, "1e-5"));
        ModelCard classic = ModelCard.builder().bundle(bundle(hp, Map.of())).intendedUse("x").build();
        hp.put(ModelCard.CONVERSION, "IMPROVED");
        ModelCard improved = ModelCard.builder().bundle(bundle(hp, Map.of())).intendedUse("x").build();
        io.retailgen.governance.privacy.RdpAccountant acc = new io.retailgen.governance.privacy.RdpAccountant()
                .compose(0.6, 3.0, 60);
        assertThat(classic.privacy().epsilon()).isEqualTo(acc.epsilon(1e-5).epsilon());
        assertThat(improved.privacy().epsilon()).isEqualTo(acc.epsilon(1e-5,
                io.retailgen.governance.privacy.RdpAccountant.Conversion.IMPROVED).epsilon())
                .isLessThan(classic.privacy().epsilon() - 0.5);
        assertThat(improved.toMarkdown()).contains("improved conversion");
        assertThat(classic.toMarkdown()).contains("classic conversion");
        assertThat(new ObjectMapper().readTree(improved.toJson()).get("privacy").get("conversion").asText())
                .isEqualTo("IMPROVED");

        hp.put(ModelCard.CONVERSION, "tight");
        assertThatThrownBy(() -> ModelCard.builder().bundle(bundle(hp, Map.of())).intendedUse("x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ModelCard.CONVERSION)
                .hasMessageContaining("'tight'");
    }
}
