package io.retailgen.imagegen;

/**
 * How well variations of real reference images keep the reference's product, from
 * {@link ImageQuality#variations(ImageGenerator, LabeledImages, int, float, long)}. Distances are mean absolute pixel
 * differences on a [0, 1] scale.
 *
 * @param references how many reference images were encoded
 * @param perReference variations per reference
 * @param radius the latent perturbation scale
 * @param classAgreement share of the returned variations that the classifier assigns to the reference's label
 * @param acceptance share of sampled variations that passed the attribute check (1 when it is off)
 * @param meanDistance mean distance from a variation to its reference
 * @param freshDistance mean distance from a fresh sample of the reference's category to the reference
 * @param sameCategoryDistance mean distance from the reference to the other real references of its category
 */
public record VariationReport(int references, int perReference, float radius, double classAgreement,
        double acceptance, double meanDistance, double freshDistance, double sameCategoryDistance) {
    /** Validates. */
    public VariationReport {
        if (references < 1 || perReference < 1 || !(radius > 0) || !(classAgreement >= 0 && classAgreement <= 1)
                || !(acceptance >= 0 && acceptance <= 1) || !(meanDistance >= 0) || !(freshDistance >= 0)
                || !(sameCategoryDistance >= 0)) {
            throw new IllegalArgumentException("invalid variation report: references " + references + ", per "
                    + perReference + ", radius " + radius + ", agreement " + classAgreement + ", acceptance "
                    + acceptance + ", distances " + meanDistance + ", " + freshDistance + ", "
                    + sameCategoryDistance);
        }
    }
}
