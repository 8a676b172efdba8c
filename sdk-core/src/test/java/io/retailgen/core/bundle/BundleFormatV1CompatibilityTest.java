package io.retailgen.core.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.retailgen.core.bundle.Bundles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bundles written by release 0.1.0 (format version 1) are kept under {@code src/test/resources/bundles/v1/} and must
 * stay readable by every later release. Never regenerate these files; add a {@code v2/} folder when the format
 * changes.
 */
class BundleFormatV1CompatibilityTest {

    private static Path resource(String name) throws URISyntaxException {
        URL url = BundleFormatV1CompatibilityTest.class.getResource("/bundles/v1/" + name);
        assertThat(url).as("test resource bundles/v1/%s", name).isNotNull();
        return Path.of(url.toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo-1", "demo-1.zip"})
    void readsFormatVersion1(String name) throws URISyntaxException {
        ModelBundle bundle = ModelBundle.load(resource(name));
        BundleManifest m = bundle.manifest();

        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.kind()).isEqualTo("demo.mlp");
        assertThat(m.name()).isEqualTo("demo");
        assertThat(m.version()).isEqualTo("1");
        assertThat(m.created()).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
        assertThat(m.files()).containsExactly(
                Map.entry("model.onnx", "3320a1f43b9ecc9368462b158050b983d995fdbfb4c5c268a7f1a57e676be444"),
                Map.entry("scalers/price.json", "630d72e30c5aa83b1d72fa4fbc158b94957e0ac17f85446a321308a863aa1d1b"),
                Map.entry("vocab.json", "176eeb34efe01493453bd96beaecc8eabfa2dd42c0b113a8f8f54c15462ac67e"));

        Provenance p = m.provenance();
        assertThat(p.dataFingerprint()).isEqualTo(DataFingerprint.ofRows(List.of("session,item", "s1,sku-1",
                "s1,sku-2")));
        assertThat(p.rowCount()).isEqualTo(2);
        assertThat(p.hyperParameters()).containsExactly(Map.entry("hidden", "16"), Map.entry("lr", "0.05"));
        assertThat(p.seed()).isEqualTo(42L);
        assertThat(p.sdkVersion()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(p.javaVersion()).isEqualTo("17.0.15");
        assertThat(p.osName()).isEqualTo("Linux");
        assertThat(p.osArch()).isEqualTo("amd64");
        assertThat(p.metrics()).containsExactly(Map.entry("recall@20", 0.75));

        byte[] model = bundle.modelBytes();
        assertThat(model).hasSize(256);
        assertThat(new String(model, 0, 12, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("FAKE-ONNX-V1");
        assertThat(utf8(bundle.file("vocab.json"))).isEqualTo("[\"sku-1\",\"sku-2\"]\n");
        assertThat(utf8(bundle.file("scalers/price.json"))).isEqualTo("{\"mean\":12.5,\"std\":3.0}\n");
    }

    @Test
    void directoryAndZipFormsHoldTheSameBundle() throws URISyntaxException {
        assertThat(ModelBundle.load(resource("demo-1"))).isEqualTo(ModelBundle.load(resource("demo-1.zip")));
    }
}
