/**
 * Model bundles, the model registry and hot-swappable model handles.
 *
 * <ul>
 *   <li>{@link io.retailgen.core.bundle.ModelBundle}: {@code manifest.json} + {@code model.onnx} + extra files, as a
 *       directory or zip, SHA-256 verified on load and written atomically.</li>
 *   <li>{@link io.retailgen.core.bundle.BundleManifest} and {@link io.retailgen.core.bundle.Provenance}: what a
 *       bundle holds and where the model came from; {@link io.retailgen.core.bundle.DataFingerprint} hashes the
 *       training data.</li>
 *   <li>{@link io.retailgen.core.bundle.BundleLoadOptions}: trusted Ed25519 signing keys, whether unsigned bundles
 *       load, and the size limits that keep a hostile bundle from exhausting memory.</li>
 *   <li>{@link io.retailgen.core.bundle.ModelRegistry}: versions per model name in a directory, with pin and
 *       rollback.</li>
 *   <li>{@link io.retailgen.core.bundle.ModelHandle}: serves the current model and swaps it without dropping
 *       requests.</li>
 * </ul>
 *
 * <p>See {@code docs/model-lifecycle.md} for the on-disk format and its compatibility rules.
 */
package io.retailgen.core.bundle;
