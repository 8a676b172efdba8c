package io.retailgen.core.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;

/**
 * Counts what one bundle load may hold: entries, bytes per entry and bytes in total. Declared sizes are checked
 * before anything is read, and the bytes actually read are counted again while reading, so a zip directory or a
 * file that lies about its size cannot make the loader hold more than the limits.
 */
final class EntryLimits {

    /** The manifest and the signature files are small; a bigger one is refused before it is parsed. */
    static final long MAX_METADATA_BYTES = 16L << 20;

    private static final int CHUNK = 64 * 1024;

    private static final Set<String> METADATA = BundleIo.RESERVED_FILES;

    private final String source;
    private final BundleLoadOptions options;
    private int entries;
    private long declaredTotal;
    private long readTotal;

    EntryLimits(String source, BundleLoadOptions options) {
        this.source = source;
        this.options = options;
    }

    /** Counts one entry (file, or directory of a zip) against the entry limit. */
    void countEntry(String name) {
        if (++entries > options.maxEntries()) {
            throw ManifestJson.invalid(source, "it has more than " + options.maxEntries() + " entries (at '" + name
                    + "'); raise BundleLoadOptions.maxEntries if this bundle is genuine");
        }
    }

    /** Checks a size declared before reading (-1 when unknown) against the per-entry and total limits. */
    void checkDeclared(String name, long size) {
        if (size < 0) {
            return;
        }
        long limit = limitFor(name);
        if (size > limit) {
            throw tooBig(name, "declares " + size + " bytes", limit);
        }
        declaredTotal += size;
        if (declaredTotal > options.maxTotalBytes()) {
            throw ManifestJson.invalid(source, "its files declare more than " + options.maxTotalBytes()
                    + " bytes together (limit maxTotalBytes, exceeded at '" + name + "'); raise"
                    + " BundleLoadOptions.maxTotalBytes if this bundle is genuine");
        }
    }

    /**
     * Reads one entry, holding at most its declared size (or the limits when unknown); fails when the stream holds
     * more or fewer bytes than declared.
     */
    byte[] read(InputStream in, String name, long declared) throws IOException {
        long limit = Math.min(limitFor(name), options.maxTotalBytes() - readTotal);
        byte[] buf;
        try {
            buf = declared >= 0 ? readDeclared(in, name, declared) : readUnknown(in, name, limit);
        } catch (OutOfMemoryError e) {
            throw ManifestJson.invalid(source, "not enough memory to read '" + name + "' (limit " + limit
                    + " bytes); lower BundleLoadOptions.maxEntryBytes / maxTotalBytes or give the JVM more heap");
        }
        readTotal += buf.length;
        if (readTotal > options.maxTotalBytes()) {
            throw ManifestJson.invalid(source, "its files hold more than " + options.maxTotalBytes()
                    + " bytes together (limit maxTotalBytes, exceeded at '" + name + "')");
        }
        return buf;
    }

    private byte[] readDeclared(InputStream in, String name, long declared) throws IOException {
        byte[] buf = new byte[(int) declared];
        int n = in.readNBytes(buf, 0, buf.length);
        if (n < buf.length) {
            throw ManifestJson.invalid(source, "entry '" + name + "' holds only " + n + " bytes but declares "
                    + declared + " (truncated or corrupt)");
        }
        if (in.read() >= 0) {
            throw ManifestJson.invalid(source, "entry '" + name + "' holds more than the " + declared
                    + " bytes it declares; reading stopped there (a zip directory that understates sizes is refused)");
        }
        return buf;
    }

    private byte[] readUnknown(InputStream in, String name, long limit) throws IOException {
        byte[] buf = new byte[(int) Math.min(CHUNK, limit + 1)];
        int size = 0;
        while (true) {
            if (size == buf.length) {
                if (size > limit) {
                    throw tooBig(name, "holds more than " + limit + " bytes", limit);
                }
                buf = Arrays.copyOf(buf, (int) Math.min(limit + 1, (long) buf.length * 2));
            }
            int n = in.read(buf, size, buf.length - size);
            if (n < 0) {
                return Arrays.copyOf(buf, size);
            }
            size += n;
        }
    }

    private long limitFor(String name) {
        return METADATA.contains(name) ? Math.min(MAX_METADATA_BYTES, options.maxEntryBytes())
                : options.maxEntryBytes();
    }

    private RuntimeException tooBig(String name, String what, long limit) {
        return ManifestJson.invalid(source, "entry '" + name + "' " + what + ", more than the limit of " + limit
                + " bytes per file (BundleLoadOptions.maxEntryBytes); nothing was decompressed or read beyond it");
    }
}
