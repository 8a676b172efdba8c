package io.retailgen.core.bundle;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * SHA-256 fingerprints of training data, for {@link Provenance#dataFingerprint()}. All results are 64 lower-case hex
 * digits.
 *
 * <pre>{@code
 * String fp = DataFingerprint.ofFile(Path.of("sessions.csv"));       // same as `sha256sum sessions.csv`
 * String fp2 = DataFingerprint.ofRows(List.of("s1,i1", "s1,i2"));      // same as a file "s1,i1\ns1,i2\n"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DataFingerprint {

    private static final int BUFFER = 1 << 16;

    private DataFingerprint() {
    }

    /**
     * @param bytes the data
     * @return the SHA-256 hex of {@code bytes}
     */
    public static String ofBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes == null");
        return BundleIo.sha256Hex(bytes);
    }

    /**
     * Hashes a stream to its end; the caller closes it.
     *
     * @param in the data
     * @return the SHA-256 hex of everything read
     * @throws RetailGenException with {@link ErrorCode#IO} when reading fails
     */
    public static String ofStream(InputStream in) {
        Objects.requireNonNull(in, "in == null");
        try {
            return HexFormat.of().formatHex(digest(in));
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read data to fingerprint: " + e, e);
        }
    }

    /**
     * @param file a data file
     * @return the SHA-256 hex of its bytes, equal to what {@code sha256sum} prints
     * @throws RetailGenException with {@link ErrorCode#IO} when the file cannot be read
     */
    public static String ofFile(Path file) {
        Objects.requireNonNull(file, "file == null");
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(digest(in));
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read " + file + " to fingerprint it: " + e, e);
        }
    }

    /**
     * Fingerprints several files in the given order: the SHA-256 of the concatenated 32-byte SHA-256 digests of each
     * file. Only content and order count, not file names, so moving the files keeps the fingerprint.
     *
     * @param files the data files, at least one
     * @return the combined SHA-256 hex
     * @throws RetailGenException with {@link ErrorCode#IO} when a file cannot be read
     */
    public static String ofFiles(List<Path> files) {
        Objects.requireNonNull(files, "files == null");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files must not be empty");
        }
        MessageDigest outer = BundleIo.sha256();
        for (Path file : files) {
            Objects.requireNonNull(file, "files must not hold null");
            outer.update(HexFormat.of().parseHex(ofFile(file)));
        }
        return HexFormat.of().formatHex(outer.digest());
    }

    /**
     * Fingerprints rows of text: each row's UTF-8 bytes followed by {@code '\n'}. The result equals
     * {@link #ofFile} of a file holding those lines with LF endings and a final newline.
     *
     * @param rows the rows, in order
     * @return the SHA-256 hex
     */
    public static String ofRows(Iterable<? extends CharSequence> rows) {
        Objects.requireNonNull(rows, "rows == null");
        return ofRows(rows.iterator());
    }

    /**
     * Fingerprints a stream of rows as {@link #ofRows(Iterable)} does; consumes the stream.
     *
     * @param rows the rows, in order
     * @return the SHA-256 hex
     */
    public static String ofRows(Stream<? extends CharSequence> rows) {
        Objects.requireNonNull(rows, "rows == null");
        return ofRows(rows.iterator());
    }

    private static String ofRows(Iterator<? extends CharSequence> it) {
        MessageDigest md = BundleIo.sha256();
        long n = 0;
        while (it.hasNext()) {
            CharSequence row = it.next();
            if (row == null) {
                throw new NullPointerException("row " + n + " == null");
            }
            md.update(row.toString().getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
            n++;
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static byte[] digest(InputStream in) throws IOException {
        MessageDigest md = BundleIo.sha256();
        byte[] buf = new byte[BUFFER];
        for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
            md.update(buf, 0, r);
        }
        return md.digest();
    }
}
