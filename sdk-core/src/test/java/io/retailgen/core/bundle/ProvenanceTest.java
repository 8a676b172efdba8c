package io.retailgen.core.bundle;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvenanceTest {

    private static final String FP = DataFingerprint.ofBytes(new byte[] {1, 2, 3});

    @Test
    void captureFillsTheEnvironment() {
        Provenance p = Provenance.capture(FP, 10, Map.of("epochs", "3"), 7L, Map.of("loss", 0.5));
        assertThat(p.javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(p.osName()).isEqualTo(System.getProperty("os.name"));
        assertThat(p.osArch()).isEqualTo(System.getProperty("os.arch"));
        assertThat(p.sdkVersion()).isEqualTo(Provenance.currentSdkVersion());
        assertThat(p.dataFingerprint()).isEqualTo(FP);
        assertThat(p.rowCount()).isEqualTo(10);
        assertThat(p.seed()).isEqualTo(7L);
        assertThat(p.hyperParameters()).containsExactly(Map.entry("epochs", "3"));
        assertThat(p.metrics()).containsExactly(Map.entry("loss", 0.5));
    }

    @Test
    void sdkVersionComesFromTheFilteredResource() {
        // Maven filters ${project.version} into io/retailgen/core/sdk-version.properties
        assertThat(Provenance.currentSdkVersion()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
    }

    @Test
    void mapsAreCopiedAndSorted() {
        Map<String, String> hyper = new HashMap<>(Map.of("b", "2", "a", "1", "c", "3"));
        Provenance p = Provenance.capture(FP, 0, hyper, 0, Map.of());
        hyper.put("d", "4");
        assertThat(p.hyperParameters()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"),
                Map.entry("c", "3"));
        assertThatThrownBy(() -> p.hyperParameters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> Provenance.capture(" ", 0, Map.of(), 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dataFingerprint must not be blank");
        assertThatThrownBy(() -> Provenance.capture(FP, -1, Map.of(), 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rowCount must be >= 0, was -1");
        assertThatThrownBy(() -> Provenance.capture(FP, 0, Map.of(), 0, Map.of("auc", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("metric 'auc' must be finite, was NaN");
        assertThatThrownBy(() -> Provenance.capture(null, 0, Map.of(), 0, Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("dataFingerprint == null");
    }

    @Test
    void withMetricsReplacesOnlyMetrics() {
        Provenance p = Provenance.capture(FP, 5, Map.of("k", "v"), 1, Map.of("old", 1.0));
        Provenance q = p.withMetrics(Map.of("new", 2.0));
        assertThat(q.metrics()).containsExactly(Map.entry("new", 2.0));
        assertThat(q.withMetrics(p.metrics())).isEqualTo(p);
    }
}
