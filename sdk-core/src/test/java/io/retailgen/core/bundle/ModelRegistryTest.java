package io.retailgen.core.bundle;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRegistryTest {

    @TempDir
    Path tmp;

    private static ModelBundle bundle(String name, String version) {
        return Bundles.demo(name, version).model(Bundles.fakeModel(64, version.hashCode())).build();
    }

    @Test
    void publishStoresBundleDirectoriesAndListsInPublishOrder() throws IOException {
        ModelRegistry registry = ModelRegistry.open(tmp.resolve("models"));
        for (String v : List.of("1", "2", "10", "1.5.0")) {
            Path dir = registry.publish(bundle("recs", v));
            assertThat(dir).isEqualTo(registry.root().resolve("recs").resolve(v));
        }
        registry.publish(bundle("forecast", "1"));

        assertThat(registry.names()).containsExactly("forecast", "recs");
        assertThat(registry.list("recs")).containsExactly("1", "2", "10", "1.5.0");
        assertThat(registry.resolve("recs")).isEqualTo("1.5.0");
        assertThat(registry.pinned("recs")).isEmpty();
        assertThat(registry.load("recs", "2")).isEqualTo(bundle("recs", "2"));
        assertThat(registry.load("recs")).isEqualTo(bundle("recs", "1.5.0"));
        assertThat(Bundles.tree(registry.root().resolve("recs"))).containsExactly("1", "1.5.0", "1.5.0/manifest.json",
                "1.5.0/manifest.sha256", "1.5.0/model.onnx", "1.5.0/vocab.json", "1/manifest.json", "1/manifest.sha256",
                "1/model.onnx", "1/vocab.json", "10", "10/manifest.json", "10/manifest.sha256", "10/model.onnx",
                "10/vocab.json", "2", "2/manifest.json", "2/manifest.sha256", "2/model.onnx", "2/vocab.json",
                "registry.json");
    }

    @Test
    void refusesToOverwriteAVersion() {
        ModelRegistry registry = ModelRegistry.open(tmp);
        registry.publish(bundle("recs", "1"));
        registry.publish(bundle("recs", "2"));
        assertThatThrownBy(() -> registry.publish(bundle("recs", "2"))).isInstanceOfSatisfying(
                RetailGenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY))
                .hasMessage("model 'recs' version '2' is already published in " + registry.root()
                        + " (published versions: [1, 2]); publish it under a new version");
        assertThat(registry.load("recs", "2")).isEqualTo(bundle("recs", "2"));
    }

    @Test
    void unknownNamesAndVersionsListWhatExists() {
        ModelRegistry registry = ModelRegistry.open(tmp);
        assertThatThrownBy(() -> registry.resolve("recs")).isInstanceOf(RetailGenException.class)
                .hasMessage("no model named 'recs' in registry " + registry.root() + "; it holds no models");
        registry.publish(bundle("recs", "1"));
        registry.publish(bundle("forecast", "7"));
        assertThatThrownBy(() -> registry.list("rec")).isInstanceOfSatisfying(RetailGenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY))
                .hasMessage("no model named 'rec' in registry " + registry.root() + "; it holds [forecast, recs]");
        assertThatThrownBy(() -> registry.load("recs", "9")).isInstanceOf(RetailGenException.class)
                .hasMessage("model 'recs' has no version '9' in " + registry.root() + "; published versions: [1]");
        assertThatThrownBy(() -> registry.pin("recs", "9")).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("has no version '9'");
        assertThatThrownBy(() -> registry.resolve("../x")).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("no model named '../x'");
    }

    @Test
    void pinHoldsAVersionUntilUnpinned() {
        ModelRegistry registry = ModelRegistry.open(tmp);
        registry.publish(bundle("recs", "1"));
        registry.publish(bundle("recs", "2"));
        registry.pin("recs", "1");
        assertThat(registry.resolve("recs")).isEqualTo("1");
        assertThat(registry.pinned("recs")).contains("1");

        registry.publish(bundle("recs", "3"));
        assertThat(registry.resolve("recs")).isEqualTo("1");

        registry.unpin("recs");
        assertThat(registry.resolve("recs")).isEqualTo("3");
        assertThat(registry.pinned("recs")).isEmpty();
        assertThat(registry.history("recs")).containsExactly("1", "2", "1", "3");
    }

    @Test
    void rollbackWalksBackThroughCurrentVersions() {
        ModelRegistry registry = ModelRegistry.open(tmp);
        registry.publish(bundle("recs", "1"));
        registry.publish(bundle("recs", "2"));
        registry.publish(bundle("recs", "3"));
        assertThat(registry.history("recs")).containsExactly("1", "2", "3");

        assertThat(registry.rollback("recs")).isEqualTo("2");
        assertThat(registry.resolve("recs")).isEqualTo("2");
        assertThat(registry.pinned("recs")).contains("2");

        // a publish after a rollback does not move the model forward
        registry.publish(bundle("recs", "4"));
        assertThat(registry.resolve("recs")).isEqualTo("2");

        assertThat(registry.rollback("recs")).isEqualTo("1");
        assertThatThrownBy(() -> registry.rollback("recs")).isInstanceOfSatisfying(RetailGenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY))
                .hasMessage("cannot roll back model 'recs': no earlier current version in its history [1]"
                        + " (published versions: [1, 2, 3, 4]); use pin(name, version) instead");
        assertThat(registry.resolve("recs")).isEqualTo("1");

        registry.unpin("recs");
        assertThat(registry.resolve("recs")).isEqualTo("4");
        assertThat(registry.rollback("recs")).isEqualTo("1");
    }

    @Test
    void stateSurvivesReopening() {
        ModelRegistry first = ModelRegistry.open(tmp);
        first.publish(bundle("recs", "1"));
        first.publish(bundle("recs", "2"));
        first.rollback("recs");

        ModelRegistry second = ModelRegistry.open(tmp);
        assertThat(second.list("recs")).containsExactly("1", "2");
        assertThat(second.resolve("recs")).isEqualTo("1");
        assertThat(second.pinned("recs")).contains("1");
        assertThat(second.history("recs")).containsExactly("1");
    }

    @Test
    void loadVerifiesTheStoredBundle() throws IOException {
        ModelRegistry registry = ModelRegistry.open(tmp);
        Path dir = registry.publish(bundle("recs", "1"));
        byte[] model = Files.readAllBytes(dir.resolve("model.onnx"));
        model[0] ^= 1;
        Files.write(dir.resolve("model.onnx"), model);
        assertThatThrownBy(() -> registry.load("recs", "1")).isInstanceOfSatisfying(RetailGenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_BUNDLE))
                .hasMessageContaining("sha256 mismatch for 'model.onnx'");
    }

    @Test
    void corruptRegistryFileIsReported() throws IOException {
        ModelRegistry registry = ModelRegistry.open(tmp);
        registry.publish(bundle("recs", "1"));
        Files.writeString(registry.root().resolve("recs/registry.json"), "{\"formatVersion\": 9}");
        assertThatThrownBy(() -> registry.resolve("recs")).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("registry.json is invalid: its format version 9 is newer than this SDK"
                        + " supports (1); upgrade the SDK");
        Files.writeString(registry.root().resolve("recs/registry.json"), "{\"formatVersion\": 1, \"versions\": [");
        assertThatThrownBy(() -> registry.resolve("recs")).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("registry.json is invalid");
    }

    @Test
    void orphanVersionDirectoryIsExplained() throws IOException {
        ModelRegistry registry = ModelRegistry.open(tmp);
        registry.publish(bundle("recs", "1"));
        Files.createDirectories(registry.root().resolve("recs/2"));
        assertThatThrownBy(() -> registry.publish(bundle("recs", "2"))).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("exists but is not registered");
    }

    @Test
    void concurrentPublishersFromTwoInstancesLoseNothing() throws Exception {
        ModelRegistry a = ModelRegistry.open(tmp);
        ModelRegistry b = ModelRegistry.open(tmp);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                ModelRegistry r = i % 2 == 0 ? a : b;
                ModelBundle bundle = bundle(i % 3 == 0 ? "x" : "y", Integer.toString(i));
                futures.add(pool.submit(() -> r.publish(bundle)));
            }
            for (Future<Path> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(a.list("x")).hasSize(8);
        assertThat(b.list("y")).hasSize(16);
        assertThat(a.resolve("y")).isEqualTo(b.list("y").get(15));
        for (String v : a.list("y")) {
            assertThat(a.load("y", v).manifest().version()).isEqualTo(v);
        }
        try (var s = Files.list(tmp.resolve("y"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly(".lock", "x", "y");
        }
    }
}
