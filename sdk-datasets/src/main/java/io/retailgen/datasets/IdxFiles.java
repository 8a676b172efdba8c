package io.retailgen.datasets;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader of the public MNIST / Fashion-MNIST benchmark files for evaluations, the command line and the demos. It
 * returns neutral {@link IdxImages} that an image module wraps into its own type; applications build their images
 * from their own data.
 *
 * <p>Reads the idx-ubyte format of MNIST and Fashion-MNIST ({@code idx3} images, {@code idx1} labels), gzip-compressed
 * or not (detected from the first bytes). A wrong magic number, a truncated or corrupt file, trailing bytes, or
 * image and label files of different lengths fail with a {@link RetailGenException} ({@link ErrorCode#INVALID_DATA})
 * naming the file, the byte offset (in the uncompressed data) where the problem is, and what was wrong.
 *
 * <p>Memory is bounded by the data actually present, never by what a header claims: the declared sizes are checked
 * against sane limits ({@value #MAX_ITEMS} items, sides up to {@value #MAX_SIDE}, {@value #MAX_PIXEL_BYTES} pixel bytes)
 * and, for an uncompressed file, against the file's length before anything is allocated; a gzip file's data is read
 * into a buffer that grows with what the stream really holds.
 *
 * <pre>{@code
 * IdxImages idx = IdxFiles.read(dir.resolve("train-images-idx3-ubyte.gz"),
 *         dir.resolve("train-labels-idx1-ubyte.gz"));
 * LabeledImages train = new LabeledImages(idx.rows(), idx.cols(), idx.pixels(), idx.labels());
 * }</pre>
 *
 * <p>Stateless and safe for concurrent use.
 */
public final class IdxFiles {
    /** Magic number of an idx file of unsigned bytes with three dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an idx file of unsigned bytes with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    private static final int MAX_ITEMS = 10_000_000;
    private static final int MAX_SIDE = 4096;
    private static final int MAX_PIXEL_BYTES = 1 << 30;
    private static final int FIRST_CHUNK = 1 << 20;

    private IdxFiles() {
    }

    /**
     * Reads an image file and its label file.
     *
     * @param images the idx3-ubyte images
     * @param labels the idx1-ubyte labels, one per image
     * @return the images with their labels
     * @throws RetailGenException when a file is missing, corrupt, truncated, or the counts differ
     */
    public static IdxImages read(Path images, Path labels) {
        RawImages raw = readImages(images);
        int[] l = readLabels(labels);
        if (l.length != raw.count) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "label file " + labels + " has " + l.length
                    + " labels but image file " + images + " has " + raw.count + " images; they must match");
        }
        return new IdxImages(raw.rows, raw.cols, raw.pixels, l);
    }

    /**
     * Reads an idx1-ubyte label file.
     *
     * @param file the file, gzip-compressed or not
     * @return the labels
     * @throws RetailGenException when the file is missing, corrupt or truncated
     */
    public static int[] readLabels(Path file) {
        Objects.requireNonNull(file, "file == null");
        try (DataInputStream in = open(file)) {
            int magic = headerInt(file, in, 0);
            if (magic != LABELS_MAGIC) {
                throw bad(file, 0, String.format("magic number 0x%08x is not an idx1-ubyte label file (0x%08x)", magic,
                        LABELS_MAGIC));
            }
            int n = headerInt(file, in, 4);
            checkCount(file, n);
            byte[] raw = readDeclared(file, in, 8, n, n + " labels");
            requireEnd(file, in, 8L + n);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = raw[i] & 0xff;
            }
            return out;
        } catch (EOFException e) {
            throw bad(file, "file is truncated (compressed data ends early)", e);
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage(), e);
        }
    }

    record RawImages(int count, int rows, int cols, byte[] pixels) {
    }

    static RawImages readImages(Path file) {
        Objects.requireNonNull(file, "file == null");
        try (DataInputStream in = open(file)) {
            int magic = headerInt(file, in, 0);
            if (magic != IMAGES_MAGIC) {
                throw bad(file, 0, String.format("magic number 0x%08x is not an idx3-ubyte image file (0x%08x)", magic,
                        IMAGES_MAGIC));
            }
            int n = headerInt(file, in, 4);
            int rows = headerInt(file, in, 8);
            int cols = headerInt(file, in, 12);
            checkCount(file, n);
            if (rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE) {
                throw bad(file, 8, "image size " + rows + "x" + cols + " is not between 1x1 and " + MAX_SIDE + "x"
                        + MAX_SIDE);
            }
            long total = (long) n * rows * cols;
            if (total > MAX_PIXEL_BYTES) {
                throw bad(file, 4, String.format(Locale.ROOT, "header declares %,d images of %dx%d = %,d pixel bytes, "
                        + "over the limit of %,d", n, rows, cols, total, MAX_PIXEL_BYTES));
            }
            byte[] pixels = readDeclared(file, in, 16, total, n + " images of " + rows + "x" + cols);
            requireEnd(file, in, 16 + total);
            return new RawImages(n, rows, cols, pixels);
        } catch (EOFException e) {
            throw bad(file, "file is truncated (compressed data ends early)", e);
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the {@code declared} bytes after a header of {@code headerBytes}: an uncompressed file must hold exactly
     * that many (checked before allocating); a compressed one is read into a buffer that grows with the data.
     */
    private static byte[] readDeclared(Path file, DataInputStream in, int headerBytes, long declared, String what)
            throws IOException {
        if (!gzip(file)) {
            long actual = Files.size(file) - headerBytes;
            if (actual != declared) {
                throw bad(file, headerBytes + Math.min(actual, declared), String.format(Locale.ROOT,
                        "header declares %s = %,d bytes of data but the file holds %,d after its %d-byte header "
                        + "(size mismatch: truncated, or not an idx file)", what, declared, actual, headerBytes));
            }
        }
        byte[] buf = new byte[(int) Math.min(declared, FIRST_CHUNK)];
        int filled = 0;
        while (filled < declared) {
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(declared, 2L * buf.length));
            }
            int r = in.read(buf, filled, buf.length - filled);
            if (r < 0) {
                throw bad(file, headerBytes + filled, String.format(Locale.ROOT, "file is truncated: header "
                        + "declares %s = %,d bytes of data, the file holds %,d", what, declared, filled));
            }
            filled += r;
        }
        return buf;
    }

    private static boolean gzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "idx file " + file + " does not exist");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        try {
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16))
                    : raw;
            return new DataInputStream(in);
        } catch (ZipException e) {
            raw.close();
            throw bad(file, "corrupt gzip header: " + e.getMessage(), e);
        }
    }

    private static void checkCount(Path file, int n) {
        if (n < 0 || n > MAX_ITEMS) {
            throw bad(file, 4, "item count " + n + " is not between 0 and " + MAX_ITEMS);
        }
    }

    /** Reads the big-endian int of the header at {@code offset}; a file that ends there is reported as truncated. */
    private static int headerInt(Path file, DataInputStream in, int offset) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw bad(file, offset, "file is truncated inside its header", e);
        }
    }

    private static void requireEnd(Path file, InputStream in, long end) throws IOException {
        if (in.read() != -1) {
            throw bad(file, end, "file has bytes after the declared items (size mismatch)");
        }
    }

    private static RetailGenException bad(Path file, long offset, String what) {
        return bad(file, offset, what, null);
    }

    private static RetailGenException bad(Path file, long offset, String what, Throwable cause) {
        return new RetailGenException(ErrorCode.INVALID_DATA, String.format(Locale.ROOT, "idx file %s at byte "
                + "offset %,d: %s", file, offset, what), cause);
    }

    private static RetailGenException bad(Path file, String what, Throwable cause) {
        return new RetailGenException(ErrorCode.INVALID_DATA, "idx file " + file + ": " + what, cause);
    }
}
