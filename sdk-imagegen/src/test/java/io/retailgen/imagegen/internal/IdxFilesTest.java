package io.retailgen.imagegen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.retailgen.core.RetailGenException;
import io.retailgen.imagegen.LabeledImages;
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
        LabeledImages plain = IdxFiles.read(file("i", images(5, 3, 4, IdxFiles.IMAGES_MAGIC)), file("l", labels(5)));
        LabeledImages gz = IdxFiles.read(file("i.gz", gzip(images(5, 3, 4, IdxFiles.IMAGES_MAGIC))),
                file("l.gz", gzip(labels(5))));
        assertThat(plain.count()).isEqualTo(5);
        assertThat(plain.rows()).isEqualTo(3);
        assertThat(plain.cols()).isEqualTo(4);
        assertThat(plain.pixels()).isEqualTo(gz.pixels());
        assertThat(plain.labels()).containsExactly(0, 1, 2, 0, 1);
        assertThat(plain.image(1)[0]).isEqualTo((byte) (12 * 7));
        assertThat(plain.categoryCount()).isEqualTo(3);
        assertThat(plain.categories()).containsExactly("0", "1", "2");
    }

    @Test
    void wrongMagicTruncationTrailingBytesAndCountMismatchAreClearErrors() throws IOException {
        Path l = file("l", labels(5));
        assertThatThrownBy(() -> IdxFiles.read(file("a", images(5, 3, 4, 0x0801)), l))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("magic number 0x00000801");
        byte[] full = images(5, 3, 4, IdxFiles.IMAGES_MAGIC);
        assertThatThrownBy(() -> IdxFiles.read(file("b", Arrays.copyOf(full, full.length - 3)), l))
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> IdxFiles.read(file("c.gz", Arrays.copyOf(gzip(full), 20)), l))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("c.gz");
        assertThatThrownBy(() -> IdxFiles.read(file("d", Arrays.copyOf(full, full.length + 2)), l))
                .hasMessageContaining("size mismatch");
        assertThatThrownBy(() -> IdxFiles.read(file("e", full), file("l4", labels(4))))
                .hasMessageContaining("4 labels").hasMessageContaining("5 images");
        assertThatThrownBy(() -> IdxFiles.read(dir.resolve("missing"), l)).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> IdxFiles.read(file("f", images(5, 0, 4, IdxFiles.IMAGES_MAGIC)), l))
                .hasMessageContaining("image size 0x4");
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
        LabeledImages test = IdxFiles.read(dir.resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-labels-idx1-ubyte.gz"));
        assertThat(test.count()).isEqualTo(10_000);
        assertThat(test.rows()).isEqualTo(28);
        assertThat(test.countsPerCategory()).containsOnly(1000);
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
}
