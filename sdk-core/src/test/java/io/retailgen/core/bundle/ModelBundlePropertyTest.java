package io.retailgen.core.bundle;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

/** Invariants over random bundles: saving and loading is lossless, and any flipped byte is caught. */
class ModelBundlePropertyTest {

    @TempDir
    Path tmp;

    private final AtomicInteger counter = new AtomicInteger();

    private static Gen<byte[]> bytes(int min, int max) {
        return Generate.byteArrays(integers().between(min, max),
                Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    /** Extra files: short names from a small alphabet, some nested one level. */
    private static Gen<Map<String, byte[]>> extras() {
        Gen<String> names = strings().betweenCodePoints('a', 'e').ofLengthBetween(1, 4)
                .map(s -> s.startsWith("e") ? "nested/" + s : s + ".bin");
        return maps().of(names, bytes(0, 200)).ofSizeBetween(0, 4);
    }

    private static ModelBundle bundle(byte[] model, Map<String, byte[]> extras) {
        ModelBundle.Builder b = ModelBundle.builder().kind("demo.mlp").name("p").version("1").model(model)
                .provenance(Bundles.provenance());
        extras.forEach(b::file);
        return b.build();
    }

    @Test
    void saveThenLoadIsLossless() {
        qt().withExamples(40).forAll(bytes(0, 2000), extras()).checkAssert((model, extras) -> {
            ModelBundle bundle = bundle(model, extras);
            Path dir = tmp.resolve("d" + counter.incrementAndGet());
            Path zip = tmp.resolve("z" + counter.incrementAndGet() + ".zip");
            bundle.saveTo(dir);
            bundle.saveZip(zip);
            for (ModelBundle loaded : List.of(ModelBundle.load(dir), ModelBundle.load(zip))) {
                assertThat(loaded).isEqualTo(bundle);
                assertThat(loaded.modelBytes()).isEqualTo(model);
                assertThat(loaded.fileNames()).hasSize(extras.size() + 1);
                extras.forEach((name, content) -> assertThat(loaded.file(name)).isEqualTo(content));
            }
        });
    }

    @Test
    void anyFlippedByteIsCaughtAndNamed() {
        qt().withExamples(40).forAll(bytes(1, 500), extras(), integers().all(),
                integers().between(0, 7)).checkAssert((model, extras, pick, bit) -> {
            ModelBundle bundle = bundle(model, extras);
            Path dir = tmp.resolve("f" + counter.incrementAndGet());
            bundle.saveTo(dir);
            List<String> nonEmpty = bundle.fileNames().stream().filter(n -> bundle.file(n).length > 0).toList();
            String victim = nonEmpty.get(Math.floorMod(pick, nonEmpty.size()));
            byte[] content = bundle.file(victim);
            content[Math.floorMod(pick, content.length)] ^= (byte) (1 << bit);
            try {
                Files.write(dir.resolve(victim), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThatThrownBy(() -> ModelBundle.load(dir)).isInstanceOfSatisfying(RetailGenException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_BUNDLE))
                    .hasMessageContaining("sha256 mismatch for '" + victim + "'");
        });
    }
}
