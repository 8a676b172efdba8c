package io.retailgen.governance.image;

/** Why an image is registered with an {@link ImageSafeguard}. */
public enum ImageKind {
    /** A protected mark (a brand logo, trade dress): a near-duplicate suggests counterfeit imagery. */
    PROTECTED_MARK,
    /** An image the model was trained on: a near-duplicate suggests memorization. */
    TRAINING_IMAGE
}
