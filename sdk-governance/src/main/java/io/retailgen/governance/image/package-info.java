/**
 * Image safeguards: near-duplicate detection of protected marks and memorized training images in generated images.
 * {@link io.retailgen.governance.image.ImageSafeguard} holds the registered images and checks new ones by the
 * perceptual hashes of {@link io.retailgen.governance.image.ImageHash}, reporting each
 * {@link io.retailgen.governance.image.ImageMatch} by {@link io.retailgen.governance.image.ImageKind};
 * {@link io.retailgen.governance.image.ImageSafeguardInterceptor} applies the check to every generation request
 * that carries an image.
 */
package io.retailgen.governance.image;
