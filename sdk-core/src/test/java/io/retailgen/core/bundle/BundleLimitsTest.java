package io.retailgen.core.bundle;

import static io.retailgen.core.bundle.Bundles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleLimitsTest {
    private static final long MIB = 1L << 20;

    @TempDir
    Path tmp;

    private static void assertInvalid(Path bundle, BundleLoadOptions options, String... parts) {
        assertThatThrownBy(() -> ModelBundle.load(bundle, options)).isInstanceOfSatisfying(RetailGenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_BUNDLE)).hasMessageContainingAll(parts);
    }

    /** The most the heap grew above its level before {@code r} ran, summed over pools (an upper bound). */
    static long heapGrowth(Runnable r) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        r.run();
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return Math.max(0, peak - before);
    }

    /** A zip whose one entry inflates to {@code actual} zero bytes while its central directory declares 1000. */
    static Path understatedZip(Path to, String entry, long actual) throws IOException {
        try (OutputStream out = Files.newOutputStream(to); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < actual; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(to);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (b.getInt(i) == 0x02014b50) { // central directory file header
                b.putInt(i + 24, 1000); // uncompressed size
                patched++;
            }
        }
        assertThat(patched).as("central directory headers patched").isEqualTo(1);
        Files.write(to, bytes);
        return to;
    }

    @Test
    void aZipDirectoryThatUnderstatesSizesIsStoppedAtTheDeclaredSize() throws IOException {
        Path zip = understatedZip(tmp.resolve("bomb.zip"), "model.onnx", 256 * MIB);
        assertThat(Files.size(zip)).isLessThan(2 * MIB);
        long growth = heapGrowth(() -> assertInvalid(zip, BundleLoadOptions.defaults(),
                "entry 'model.onnx' holds more than the 1000 bytes it declares", "reading stopped there"));
        assertThat(growth).as("heap growth while loading a 256 MiB zip bomb").isLessThan(64 * MIB);
    }

    @Test
    void declaredSizesAreCheckedBeforeAnythingIsDecompressed() throws IOException {
        Path zip = tmp.resolve("big.zip");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", utf8("{}"));
        entries.put("model.onnx", new byte[(int) (2 * MIB)]);
        Bundles.writeZip(zip, entries);
        assertInvalid(zip, BundleLoadOptions.builder().maxEntryBytes(MIB).build(),
                "entry 'model.onnx' declares 2097152 bytes, more than the limit of 1048576 bytes per file");

        Path many = tmp.resolve("many.zip");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            parts.put("part" + i + ".bin", new byte[400 * 1024]);
        }
        Bundles.writeZip(many, parts);
        assertInvalid(many, BundleLoadOptions.builder().maxTotalBytes(MIB).build(),
                "declare more than 1048576 bytes together", "part2.bin");
        assertInvalid(many, BundleLoadOptions.builder().maxEntries(2).build(), "more than 2 entries",
                "part2.bin");
    }

    @Test
    void aSparseFileInABundleDirectoryIsRejectedByItsSizeWithoutBeingRead() throws IOException {
        Path dir = tmp.resolve("b");
        Bundles.demo().saveTo(dir);
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("vocab.json").toFile(), "rw")) {
            f.setLength(1L << 30);
        }
        long start = System.nanoTime();
        long growth = heapGrowth(() -> assertInvalid(dir, BundleLoadOptions.defaults(),
                "entry 'vocab.json' declares 1073741824 bytes, more than the limit of 536870912 bytes per file"));
        assertThat(growth).as("heap growth while rejecting a 1 GiB sparse file").isLessThan(64 * MIB);
        assertThat(System.nanoTime() - start).as("nanoseconds").isLessThan(5_000_000_000L);
    }

    @Test
    void symbolicLinksInABundleDirectoryAreNotFollowed() throws IOException {
        Path dir = tmp.resolve("b");
        Bundles.demo().saveTo(dir);
        Path outside = Files.write(tmp.resolve("outside-vocab.json"), Bundles.VOCAB);
        Files.delete(dir.resolve("vocab.json"));
        Files.createSymbolicLink(dir.resolve("vocab.json"), outside);
        assertInvalid(dir, BundleLoadOptions.defaults(), "'vocab.json' is a symbolic link",
                "could point outside the bundle");

        Path dir2 = tmp.resolve("c");
        Bundles.demo().saveTo(dir2);
        Path outsideDir = Files.createDirectories(tmp.resolve("outside-scalers"));
        Files.move(dir2.resolve("scalers/price.json"), outsideDir.resolve("price.json"));
        Files.delete(dir2.resolve("scalers"));
        Files.createSymbolicLink(dir2.resolve("scalers"), outsideDir);
        assertInvalid(dir2, BundleLoadOptions.defaults(), "'scalers' is a symbolic link");
    }

    @Test
    void bundlesWithinTheLimitsStillLoad() throws IOException {
        Path zip = tmp.resolve("ok.zip");
        Bundles.demo().saveZip(zip);
        BundleLoadOptions tight = BundleLoadOptions.builder().maxEntryBytes(4096).maxTotalBytes(8192).maxEntries(6)
                .build();
        assertThat(ModelBundle.load(zip, tight)).isEqualTo(Bundles.demo());
        Path dir = tmp.resolve("ok");
        Bundles.demo().saveTo(dir);
        assertThat(ModelBundle.load(dir, tight)).isEqualTo(Bundles.demo());
    }
}
