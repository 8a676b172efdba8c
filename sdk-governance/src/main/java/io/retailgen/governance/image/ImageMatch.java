package io.retailgen.governance.image;

import java.util.Objects;

/**
 * A registered image that a checked image is a near-duplicate of.
 *
 * <pre>{@code
 * for (ImageMatch m : safeguard.matches(generated)) {
 *     System.out.println(m.id() + " " + m.kind() + " pHash distance " + m.pHashDistance());
 * }
 * }</pre>
 *
 * @param id the registered image's id
 * @param kind why it is registered
 * @param pHashDistance the Hamming distance of the DCT hashes, 0..64
 * @param dHashDistance the Hamming distance of the difference hashes, 0..64
 */
public record ImageMatch(String id, ImageKind kind, int pHashDistance, int dHashDistance) {

    /** Validates. */
    public ImageMatch {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(kind, "kind == null");
        if (pHashDistance < 0 || pHashDistance > 64 || dHashDistance < 0 || dHashDistance > 64) {
            throw new IllegalArgumentException("distances must be in 0..64, were " + pHashDistance + " and "
                    + dHashDistance);
        }
    }
}
