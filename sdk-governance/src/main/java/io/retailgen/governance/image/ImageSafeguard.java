package io.retailgen.governance.image;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A registry of protected marks and training images, and a near-duplicate check of generated images against it by
 * perceptual hashes ({@link ImageHash}). An image matches a registered one when its pHash is within
 * {@link Builder#threshold(int)} bits (10 of 64 by default) and its dHash, which is more sensitive to resampling,
 * within twice that. Resizing, re-encoding, slight blur and moderate brightness changes stay well inside these
 * bounds (pHash distance 0-4 in the tests), while unrelated images differ in about 32 bits; requiring the dHash to
 * agree as well keeps false matches rare.
 *
 * <p>Limits: whole-image similarity only. A mark pasted small into a larger scene, mirrored, rotated or cropped
 * heavily is not found; pair this with a detector for those cases.
 *
 * <pre>{@code
 * ImageSafeguard guard = ImageSafeguard.builder()
 *         .register("acme-logo", ImageKind.PROTECTED_MARK, ImageIO.read(logoFile))
 *         .register("train-00042", ImageKind.TRAINING_IMAGE, trainingImage)
 *         .threshold(10)
 *         .build();
 * List<ImageMatch> hits = guard.matches(generated);   // closest first; empty when nothing is near
 * }</pre>
 *
 * <p>Immutable and safe for concurrent use. A check compares against every entry (64-bit XOR and bit count, about a
 * nanosecond each), so registries of some hundred thousand images are fine.
 */
public final class ImageSafeguard {

    /** The default maximum pHash Hamming distance for a near-duplicate. */
    public static final int DEFAULT_THRESHOLD = 10;

    private final String[] ids;
    private final ImageKind[] kinds;
    private final long[] dHashes;
    private final long[] pHashes;
    private final int threshold;

    private ImageSafeguard(Builder b) {
        int n = b.entries.size();
        ids = new String[n];
        kinds = new ImageKind[n];
        dHashes = new long[n];
        pHashes = new long[n];
        int i = 0;
        for (Map.Entry<String, Entry> e : b.entries.entrySet()) {
            ids[i] = e.getKey();
            kinds[i] = e.getValue().kind;
            dHashes[i] = e.getValue().hash.dHash();
            pHashes[i] = e.getValue().hash.pHash();
            i++;
        }
        threshold = b.threshold;
    }

    private record Entry(ImageKind kind, ImageHash hash) {
    }

    /** @return a new, empty builder with the default threshold */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of registered images */
    public int size() {
        return ids.length;
    }

    /** @return the maximum pHash Hamming distance for a match (the dHash may differ by twice as much) */
    public int threshold() {
        return threshold;
    }

    /**
     * @param image a generated image
     * @return the registered images it is a near-duplicate of, closest (smallest pHash + dHash distance) first
     */
    public List<ImageMatch> matches(BufferedImage image) {
        return matches(ImageHash.of(image));
    }

    /**
     * @param hash the hashes of a generated image
     * @return the registered images within the threshold, closest first
     */
    public List<ImageMatch> matches(ImageHash hash) {
        Objects.requireNonNull(hash, "hash == null");
        List<ImageMatch> out = new ArrayList<>();
        long d = hash.dHash();
        long p = hash.pHash();
        for (int i = 0; i < ids.length; i++) {
            int pd = Long.bitCount(p ^ pHashes[i]);
            if (pd > threshold) {
                continue;
            }
            int dd = Long.bitCount(d ^ dHashes[i]);
            if (dd <= 2 * threshold) {
                out.add(new ImageMatch(ids[i], kinds[i], pd, dd));
            }
        }
        out.sort(Comparator.comparingInt((ImageMatch m) -> m.pHashDistance() + m.dHashDistance())
                .thenComparing(ImageMatch::id));
        return out;
    }

    @Override
    public String toString() {
        return "ImageSafeguard[" + ids.length + " images, threshold " + threshold + "]";
    }

    /** Collects registered images. Setters validate at once. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private int threshold = DEFAULT_THRESHOLD;

        Builder() {
        }

        /**
         * @param id a unique id, not blank
         * @param kind why it is registered
         * @param image the image (hashed now; the image itself is not kept)
         * @return this builder
         * @throws IllegalArgumentException when the id was already registered
         */
        public Builder register(String id, ImageKind kind, BufferedImage image) {
            Objects.requireNonNull(image, "image == null");
            return register(id, kind, ImageHash.of(image));
        }

        /**
         * @param id a unique id, not blank
         * @param kind why it is registered
         * @param hash the image's hashes (for registries stored as hashes, see {@link ImageHash#toHex()})
         * @return this builder
         * @throws IllegalArgumentException when the id was already registered
         */
        public Builder register(String id, ImageKind kind, ImageHash hash) {
            Objects.requireNonNull(id, "id == null");
            if (id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
            Objects.requireNonNull(kind, "kind == null");
            Objects.requireNonNull(hash, "hash == null");
            if (entries.containsKey(id)) {
                throw new IllegalArgumentException("image id '" + id + "' is already registered");
            }
            entries.put(id, new Entry(kind, hash));
            return this;
        }

        /**
         * @param maxDistance the maximum pHash Hamming distance for a near-duplicate, 0..32 (the dHash may differ
         *     by twice as much)
         * @return this builder
         */
        public Builder threshold(int maxDistance) {
            if (maxDistance < 0 || maxDistance > 32) {
                throw new IllegalArgumentException("threshold must be in 0..32 bits (unrelated images differ in "
                        + "about 32), was " + maxDistance);
            }
            this.threshold = maxDistance;
            return this;
        }

        /** @return the safeguard (may be empty) */
        public ImageSafeguard build() {
            return new ImageSafeguard(this);
        }
    }
}
