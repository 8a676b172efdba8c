package io.retailgen.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.retailgen.core.RetailGenException;
import io.retailgen.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {
    @TempDir
    Path dir;

    static byte[] images(int n, int rows, int cols, int magic) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(magic).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n * rows * cols; i++) {
            b.put((byte) (i * 7));
        }
        return b.array();
    }

    static byte[] labels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(IdxFiles.LABELS_MAGIC).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i % 3));
        }
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void readsPlainAndGzipAlike() throws IOException {
        IdxImages plain = IdxFiles.read(file("i", images(5, 3, 4, IdxFiles.IMAGES_MAGIC)), file("l", labels(5)));
        IdxImages gz = IdxFiles.read(file("i.gz", gzip(images(5, 3, 4, IdxFiles.IMAGES_MAGIC))),
                file("l.gz", gzip(labels(5))));
        assertThat(plain.count()).isEqualTo(5);
        assertThat(plain.rows()).isEqualTo(3);
        assertThat(plain.cols()).isEqualTo(4);
        assertThat(plain.pixels()).isEqualTo(gz.pixels());
        assertThat(plain.labels()).containsExactly(0, 1, 2, 0, 1);
        assertThat(plain.pixels()[12]).as("first pixel of the second image").isEqualTo((byte) (12 * 7));
        assertThat(plain).isEqualTo(gz);
    }

    @Test
    void wrongMagicTruncationTrailingBytesAndCountMismatchAreClearErrors() throws IOException {
        Path l = file("l", labels(5));
        assertThatThrownBy(() -> IdxFiles.read(file("a", images(5, 3, 4, 0x0801)), l))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("magic number 0x00000801")
                .hasMessageContaining("at byte offset 0");
        byte[] full = images(5, 3, 4, IdxFiles.IMAGES_MAGIC);
        assertThatThrownBy(() -> IdxFiles.read(file("b", Arrays.copyOf(full, full.length - 3)), l))
                .hasMessageContaining("truncated").hasMessageContaining("at byte offset 73");
        assertThatThrownBy(() -> IdxFiles.read(file("b.gz", gzip(Arrays.copyOf(full, full.length - 3))), l))
                .hasMessageContaining("truncated").hasMessageContaining("at byte offset 73");
        assertThatThrownBy(() -> IdxFiles.read(file("b2", Arrays.copyOf(full, 10)), l))
                .hasMessageContaining("truncated inside its header").hasMessageContaining("at byte offset 8");
        assertThatThrownBy(() -> IdxFiles.read(file("c.gz", Arrays.copyOf(gzip(full), 20)), l))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("c.gz");
        assertThatThrownBy(() -> IdxFiles.read(file("d", Arrays.copyOf(full, full.length + 2)), l))
                .hasMessageContaining("size mismatch");
        assertThatThrownBy(() -> IdxFiles.read(file("d.gz", gzip(Arrays.copyOf(full, full.length + 2))), l))
                .hasMessageContaining("bytes after the declared items").hasMessageContaining("at byte offset 76");
        assertThatThrownBy(() -> IdxFiles.read(file("e", full), file("l4", labels(4))))
                .hasMessageContaining("4 labels").hasMessageContaining("5 images");
        assertThatThrownBy(() -> IdxFiles.read(dir.resolve("missing"), l)).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> IdxFiles.read(file("f", images(5, 0, 4, IdxFiles.IMAGES_MAGIC)), l))
                .hasMessageContaining("image size 0x4").hasMessageContaining("at byte offset 8");
    }

    @Test
    void anyTruncationOfAValidFileFails() throws IOException {
        byte[] full = images(3, 2, 2, IdxFiles.IMAGES_MAGIC);
        Path l = file("l", labels(3));
        qt().withExamples(30).forAll(integers().between(0, full.length - 1)).checkAssert(cut -> {
            Path f;
            try {
                f = file("t" + cut, Arrays.copyOf(full, cut));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertThatThrownBy(() -> IdxFiles.read(f, l)).isInstanceOf(RetailGenException.class);
        });
    }

    @Test
    void realFashionMnistHasTheDocumentedShape() {
        Path dir = SharedData.require("images/fashion-mnist/t10k-images-idx3-ubyte.gz").getParent();
        IdxImages test = IdxFiles.read(dir.resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-labels-idx1-ubyte.gz"));
        assertThat(test.count()).isEqualTo(10_000);
        assertThat(test.rows()).isEqualTo(28);
        int[] perLabel = new int[10];
        for (int label : test.labels()) {
            perLabel[label]++;
        }
        assertThat(perLabel).containsOnly(1000);
    }

    @Test
    void aSixteenByteHeaderClaimingHugeSizesFailsBeforeAllocatingThem() throws IOException {
        Path l = file("l", labels(3));
        byte[] header = ByteBuffer.allocate(16).putInt(IdxFiles.IMAGES_MAGIC).putInt(1_000_000).putInt(28)
                .putInt(28).array();
        byte[] huge = ByteBuffer.allocate(16).putInt(IdxFiles.IMAGES_MAGIC).putInt(10_000_000).putInt(4096)
                .putInt(4096).array();
        byte[] labelHeader = ByteBuffer.allocate(8).putInt(IdxFiles.LABELS_MAGIC).putInt(10_000_000).array();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> IdxFiles.read(file("h", header), l)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("784,000,000 bytes").hasMessageContaining("holds 0");
        assertThatThrownBy(() -> IdxFiles.read(file("h.gz", gzip(header)), l)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("truncated").hasMessageContaining("784,000,000");
        assertThatThrownBy(() -> IdxFiles.read(file("huge", huge), l)).hasMessageContaining("over the limit");
        assertThatThrownBy(() -> IdxFiles.readLabels(file("l.gz", gzip(labelHeader))))
                .hasMessageContaining("truncated");
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated for headers that claim up to 784 MB").isLessThan(32L << 20);
    }

    @Test
    void imagesAreValidatedAndCopied() {
        byte[] pixels = {1, 2, 3, 4};
        int[] labels = {7, 9};
        IdxImages images = new IdxImages(1, 2, pixels, labels);
        pixels[0] = 99;
        labels[0] = 0;
        images.pixels()[1] = 99;
        assertThat(images.pixels()).containsExactly(1, 2, 3, 4);
        assertThat(images.labels()).containsExactly(7, 9);
        assertThat(images.count()).isEqualTo(2);
        assertThat(images).hasToString("IdxImages[2 images of 1x2]");
        assertThatThrownBy(() -> new IdxImages(1, 3, pixels, labels)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 images of 1x3 need 6");
        assertThatThrownBy(() -> new IdxImages(0, 2, new byte[0], new int[0])).hasMessageContaining("0x2");
        assertThatThrownBy(() -> new IdxImages(1, 2, pixels, new int[] {1, 256}))
                .hasMessageContaining("label of image 1 is 256");
    }
}
