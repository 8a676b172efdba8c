package io.retailgen.imagegen;

/**
 * Quality of a generator measured against real images in the feature space of the model's own classifier.
 *
 * @param fidFeature Frechet distance between accepted generated images and the real test images
 * @param fidFloor Frechet distance between real training and real test images (what a perfect generator would get)
 * @param classFidelity share of raw generated samples that the classifier assigns to the requested category
 * @param diversity mean pairwise feature distance within a category, generated divided by real (1 = as varied as real
 *     images, near 0 = collapsed)
 * @param imagesPerSecond accepted images per second, generation and attribute check included
 * @param generated how many images were generated and accepted
 * @param rejected how many samples the attribute check rejected
 */
public record QualityReport(double fidFeature, double fidFloor, double classFidelity, double diversity,
        double imagesPerSecond, int generated, int rejected) {
    /** Validates. */
    public QualityReport {
        if (!(fidFeature >= 0) || !(fidFloor >= 0) || !(classFidelity >= 0 && classFidelity <= 1) || !(diversity >= 0)
                || !(imagesPerSecond >= 0) || generated < 0 || rejected < 0) {
            throw new IllegalArgumentException("invalid quality report: fid " + fidFeature + ", floor " + fidFloor
                    + ", fidelity " + classFidelity + ", diversity " + diversity + ", images/s " + imagesPerSecond
                    + ", generated " + generated + ", rejected " + rejected);
        }
    }

    /** @return {@code fidFeature / fidFloor}, how many times the floor */
    public double fidRatio() {
        return fidFloor == 0 ? Double.POSITIVE_INFINITY : fidFeature / fidFloor;
    }
}
