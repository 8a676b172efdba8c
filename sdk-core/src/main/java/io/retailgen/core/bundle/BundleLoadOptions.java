package io.retailgen.core.bundle;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link ModelBundle} is checked when it is loaded: which signers are trusted, whether a signature is required,
 * and how many bytes a bundle may make the loader hold.
 *
 * <pre>{@code
 * BundleLoadOptions strict = BundleLoadOptions.builder()
 *         .trust(AuditKeys.readPublicKey(Path.of("models.pub")))   // implies requireSignature(true)
 *         .maxEntryBytes(256L << 20)
 *         .build();
 * ModelBundle bundle = ModelBundle.load(Path.of("storefront-recs-3.zip"), strict);
 * ModelRegistry registry = ModelRegistry.open(Path.of("/var/retailgen/models"), strict);
 * }</pre>
 *
 * <p><b>Signatures.</b> With trusted keys, a bundle loads only when it carries a valid Ed25519 signature by one of
 * them. {@link #defaults()} trusts no key and accepts unsigned bundles, as earlier releases did: anyone who can write
 * such a bundle decides what the model computes, so production deployments should trust a key. A signature that is
 * present but does not verify always fails, trusted keys or not.
 *
 * <p><b>Limits.</b> Every zip entry is checked by name and declared size before anything is decompressed, and the
 * bytes actually inflated are counted against the same limits; files of a bundle directory are checked by size before
 * they are read. Exceeding a limit is an {@code INVALID_BUNDLE} error naming the entry and the limit.
 *
 * <p>Immutable and thread-safe.
 */
public final class BundleLoadOptions {

    /** Default largest single file of a bundle: 512 MiB. */
    public static final long DEFAULT_MAX_ENTRY_BYTES = 512L << 20;

    /** Default largest sum of all files of a bundle: 1 GiB. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 1L << 30;

    /** Default largest number of entries (files and directories) in a bundle. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** The largest file a bundle can hold at all: the largest Java array. */
    static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private static final BundleLoadOptions DEFAULTS = builder().build();

    private final List<PublicKey> trustedKeys;
    private final boolean requireSignature;
    private final long maxEntryBytes;
    private final long maxTotalBytes;
    private final int maxEntries;

    private BundleLoadOptions(Builder b) {
        this.trustedKeys = List.copyOf(b.trustedKeys);
        this.requireSignature = b.requireSignature || !b.trustedKeys.isEmpty();
        this.maxEntryBytes = b.maxEntryBytes;
        this.maxTotalBytes = b.maxTotalBytes;
        this.maxEntries = b.maxEntries;
    }

    /** @return the options {@link ModelBundle#load(java.nio.file.Path)} uses: no trusted key, default limits */
    public static BundleLoadOptions defaults() {
        return DEFAULTS;
    }

    /** @return a new builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the public keys whose signatures are trusted; empty when none */
    public List<PublicKey> trustedKeys() {
        return trustedKeys;
    }

    /** @return whether an unsigned bundle is refused (always true when a key is trusted) */
    public boolean requireSignature() {
        return requireSignature;
    }

    /** @return the largest number of bytes one file of a bundle may hold */
    public long maxEntryBytes() {
        return maxEntryBytes;
    }

    /** @return the largest number of bytes all files of a bundle may hold together */
    public long maxTotalBytes() {
        return maxTotalBytes;
    }

    /** @return the largest number of entries a bundle may have */
    public int maxEntries() {
        return maxEntries;
    }

    @Override
    public String toString() {
        return "BundleLoadOptions[trustedKeys=" + trustedKeys.size() + ", requireSignature=" + requireSignature
                + ", maxEntryBytes=" + maxEntryBytes + ", maxTotalBytes=" + maxTotalBytes + ", maxEntries="
                + maxEntries + "]";
    }

    /** Builds {@link BundleLoadOptions}. Not thread-safe. */
    public static final class Builder {
        private final List<PublicKey> trustedKeys = new ArrayList<>();
        private boolean requireSignature;
        private long maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES;
        private long maxTotalBytes = DEFAULT_MAX_TOTAL_BYTES;
        private int maxEntries = DEFAULT_MAX_ENTRIES;

        private Builder() {
        }

        /**
         * Trusts bundles signed by {@code key}; once any key is trusted, unsigned bundles are refused.
         *
         * @param key an Ed25519 public key, e.g. from {@code AuditKeys.readPublicKey}
         * @return this builder
         * @throws IllegalArgumentException when the key is not an Ed25519 key
         */
        public Builder trust(PublicKey key) {
            Objects.requireNonNull(key, "key == null");
            BundleSignature.checkEd25519(key);
            trustedKeys.add(key);
            return this;
        }

        /**
         * @param required true to refuse unsigned bundles even when no key is trusted (a signature is then checked
         *     against the key it names, which proves integrity but not who signed)
         * @return this builder
         */
        public Builder requireSignature(boolean required) {
            this.requireSignature = required;
            return this;
        }

        /**
         * @param bytes the largest number of bytes one file may hold, 1 to 2^31 - 9
         * @return this builder
         */
        public Builder maxEntryBytes(long bytes) {
            if (bytes < 1 || bytes > MAX_ARRAY_BYTES) {
                throw new IllegalArgumentException("maxEntryBytes must be between 1 and " + MAX_ARRAY_BYTES
                        + ", was " + bytes);
            }
            this.maxEntryBytes = bytes;
            return this;
        }

        /**
         * @param bytes the largest number of bytes all files may hold together; positive
         * @return this builder
         */
        public Builder maxTotalBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxTotalBytes must be positive, was " + bytes);
            }
            this.maxTotalBytes = bytes;
            return this;
        }

        /**
         * @param entries the largest number of entries (files, and directories of a zip); positive
         * @return this builder
         */
        public Builder maxEntries(int entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("maxEntries must be positive, was " + entries);
            }
            this.maxEntries = entries;
            return this;
        }

        /** @return the options */
        public BundleLoadOptions build() {
            return new BundleLoadOptions(this);
        }
    }
}
