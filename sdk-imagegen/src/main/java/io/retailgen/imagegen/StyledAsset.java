package io.retailgen.imagegen;

import io.retailgen.core.intercept.Finding;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * A finished asset from the {@link AssetPipeline}: the image, the post-processing steps that made it, and what the
 * interceptors said about it (an asset they blocked is never returned: {@link BlockedOutputException}).
 *
 * @param image the RGB image (owned by the caller; not copied)
 * @param steps the post-processing steps in order, for lineage
 * @param bannerText the banner text as drawn (after the interceptors, which may have rewritten it), or null when
 *     none was drawn
 * @param findings what the interceptors found in the asset and its banner text (for a rewritten banner, what they
 *     redacted)
 */
public record StyledAsset(BufferedImage image, List<String> steps, String bannerText, List<Finding> findings) {
    /** Validates and copies the lists. */
    public StyledAsset {
        Objects.requireNonNull(image, "image == null");
        steps = List.copyOf(steps);
        findings = List.copyOf(findings);
    }
}
