package io.retailgen.imagegen;

import io.retailgen.core.intercept.Finding;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * A finished asset from the {@link AssetPipeline}: the image, the post-processing steps that made it, and what the
 * interceptors said about its banner text.
 *
 * @param image the RGB image (owned by the caller; not copied)
 * @param steps the post-processing steps in order, for lineage
 * @param bannerText the banner text as drawn (after interceptors), or null when none was drawn
 * @param bannerBlocked whether an interceptor blocked the requested banner text
 * @param findings findings of the interceptors on the banner text
 */
public record StyledAsset(BufferedImage image, List<String> steps, String bannerText, boolean bannerBlocked,
        List<Finding> findings) {
    /** Validates and copies the lists. */
    public StyledAsset {
        Objects.requireNonNull(image, "image == null");
        steps = List.copyOf(steps);
        findings = List.copyOf(findings);
    }
}
