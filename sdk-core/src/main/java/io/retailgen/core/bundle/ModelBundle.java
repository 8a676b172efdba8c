package io.retailgen.core.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A trained model packed with everything needed to serve it: {@code manifest.json}, {@code model.onnx} and any extra
 * files (vocabularies, scalers, any bytes), each verified by SHA-256 when loaded. A bundle lives on disk as a
 * directory or as a zip file with the same layout.
 *
 * <pre>{@code
 * ModelBundle bundle = ModelBundle.builder()
 *         .kind("recommend.gru4rec").name("storefront-recs").version("3")
 *         .model(onnxBytes)
 *         .file("vocab.json", vocabBytes)
 *         .provenance(Provenance.capture(fingerprint, rows, hyper, seed, metrics))
 *         .build();
 * bundle.saveZip(Path.of("storefront-recs-3.zip"));
 *
 * ModelBundle same = ModelBundle.load(Path.of("storefront-recs-3.zip")); // verifies every hash
 * byte[] onnx = same.modelBytes();
 * }</pre>
 *
 * <p><b>Verification rules when loading.</b> The manifest must be present, valid, and of a format version this SDK
 * reads; when {@code manifest.sha256} is present (every bundle this release writes has it) the manifest's bytes must
 * match it; every file the manifest lists must be present with the listed SHA-256; and the bundle must contain
 * <em>no</em> file that the manifest does not list (an unhashed file is rejected rather than ignored, so that nothing
 * unverified is ever shipped beside a model). Zip entries with absolute paths or {@code ..} segments, symbolic links
 * and special files in a bundle directory, and entries over the size limits of the {@link BundleLoadOptions} are
 * rejected before they are read. A {@code signature.json} must verify; whether an unsigned bundle loads, and which
 * signers are trusted, is up to the {@link BundleLoadOptions}.
 *
 * <p><b>Signatures.</b> {@link #sign(KeyPair)} adds an Ed25519 signature over the exact bytes of the manifest and the
 * SHA-256 of every file. A hash alone only detects accidents: whoever can write a bundle can recompute its hashes, and
 * a model decides what the serving host computes. Load with {@link BundleLoadOptions.Builder#trust(PublicKey)} to
 * accept only bundles signed by your key.
 *
 * <p>Every failure is a {@link io.retailgen.core.RetailGenException} with
 * {@link io.retailgen.core.ErrorCode#INVALID_BUNDLE} whose message names the file or field at fault; a path that does
 * not exist or cannot be read gives {@link io.retailgen.core.ErrorCode#IO}.
 *
 * <p><b>Memory and thread-safety.</b> A bundle holds all its files in memory. It is immutable and safe to share
 * between threads; the byte accessors return fresh copies. Two bundles are equal when their manifests are equal,
 * which, as the manifest holds the SHA-256 of every file, means equal content.
 */
public final class ModelBundle {

    /** The file name of the ONNX model inside every bundle. */
    public static final String MODEL_FILE = "model.onnx";

    private final BundleManifest manifest;
    private final byte[] manifestBytes;
    private final Map<String, byte[]> files;
    private final BundleSignature signature;

    /**
     * Takes ownership of {@code files} and {@code manifestBytes}; callers have verified that they match
     * {@code manifest} and that {@code signature}, when not null, verifies.
     */
    ModelBundle(BundleManifest manifest, byte[] manifestBytes, Map<String, byte[]> files, BundleSignature signature) {
        this.manifest = manifest;
        this.manifestBytes = manifestBytes;
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.signature = signature;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads and verifies a bundle from a directory or a zip file.
     *
     * @param path a bundle directory or a bundle zip file
     * @return the verified bundle
     * @throws io.retailgen.core.RetailGenException with {@code INVALID_BUNDLE} when the bundle is corrupt,
     *     incomplete, unsafe or of a newer format; with {@code IO} when the path does not exist or cannot be read
     */
    public static ModelBundle load(Path path) {
        return load(path, BundleLoadOptions.defaults());
    }

    /**
     * Loads and verifies a bundle from a directory or a zip file, with the given signature rules and size limits.
     *
     * <pre>{@code
     * BundleLoadOptions trusted = BundleLoadOptions.builder().trust(publicKey).build();
     * ModelBundle bundle = ModelBundle.load(Path.of("storefront-recs-3.zip"), trusted);
     * }</pre>
     *
     * @param path a bundle directory or a bundle zip file
     * @param options trusted keys, whether a signature is required, and size limits
     * @return the verified bundle
     * @throws io.retailgen.core.RetailGenException with {@code INVALID_BUNDLE} when the bundle is corrupt,
     *     incomplete, unsafe, over a limit, unsigned where a signature is required, or signed by an untrusted key;
     *     with {@code IO} when the path does not exist or cannot be read
     */
    public static ModelBundle load(Path path, BundleLoadOptions options) {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(options, "options == null");
        return BundleReader.load(path, options);
    }

    /**
     * Signs a bundle where it lies and returns it signed: the bundle is loaded and verified first; a zip is replaced
     * atomically by a signed copy, and a directory gets {@code manifest.sha256} and {@code signature.json}, each
     * written atomically (a reader sees the bundle unsigned or signed, never broken).
     *
     * @param path a bundle directory or zip file
     * @param keys an Ed25519 key pair, e.g. {@code AuditLog.generateKeyPair()} or {@code AuditKeys.readKeyPair}
     * @return the signed bundle
     * @throws io.retailgen.core.RetailGenException when the bundle does not load or cannot be written
     * @throws IllegalArgumentException when the keys are not an Ed25519 pair
     */
    public static ModelBundle signInPlace(Path path, KeyPair keys) {
        ModelBundle signed = load(path).sign(keys);
        if (Files.isDirectory(path)) {
            BundleIo.replaceFileAtomically(path.resolve(BundleIo.MANIFEST_HASH_FILE),
                    t -> BundleIo.writeSynced(t, BundleIo.manifestHashLine(signed.manifestBytes)));
            BundleIo.replaceFileAtomically(path.resolve(BundleSignature.FILE_NAME),
                    t -> BundleIo.writeSynced(t, signed.signature.toJson()));
        } else {
            signed.saveZip(path);
        }
        return signed;
    }

    /**
     * Returns this bundle signed with {@code keys}: an Ed25519 signature over the exact bytes of the manifest and the
     * SHA-256 of every file, written as {@code signature.json} by {@link #saveTo} and {@link #saveZip}. Signing is
     * deterministic: the same bundle and key give the same signature.
     *
     * @param keys an Ed25519 key pair (the audit log's keys can be used, or a pair kept for models)
     * @return the signed bundle; this one is unchanged
     * @throws IllegalArgumentException when the keys are not an Ed25519 pair or do not belong together
     */
    public ModelBundle sign(KeyPair keys) {
        Objects.requireNonNull(keys, "keys == null");
        Map<String, byte[]> copy = new TreeMap<>(files);
        return new ModelBundle(manifest, manifestBytes, copy,
                BundleSignature.sign(keys, manifestBytes, manifest.files()));
    }

    /** @return whether the bundle carries a signature (which was verified when it was loaded or made) */
    public boolean isSigned() {
        return signature != null;
    }

    /** @return the public key that signed the bundle, or empty when it is unsigned */
    public Optional<PublicKey> signer() {
        return signature == null ? Optional.empty() : Optional.of(signature.publicKey());
    }

    /**
     * @return a short, stable name of the signing key (the first 16 hex digits of the SHA-256 of its X.509
     *     encoding), or empty when the bundle is unsigned
     */
    public Optional<String> signerKeyId() {
        return signature == null ? Optional.empty() : Optional.of(signature.keyId());
    }

    /** @return the manifest: kind, name, version, file hashes and provenance */
    public BundleManifest manifest() {
        return manifest;
    }

    /** @return a copy of the bytes of {@value #MODEL_FILE} */
    public byte[] modelBytes() {
        return files.get(MODEL_FILE).clone();
    }

    /**
     * @param name a file's '/'-separated path inside the bundle, e.g. {@code vocab.json}
     * @return a copy of the file's bytes
     * @throws IllegalArgumentException when the bundle has no such file; the message lists the files it has
     */
    public byte[] file(String name) {
        Objects.requireNonNull(name, "name == null");
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("bundle " + manifest.name() + ":" + manifest.version()
                    + " has no file '" + name + "'; it has " + files.keySet());
        }
        return bytes.clone();
    }

    /** @return the paths of all files in the bundle, {@value #MODEL_FILE} included, sorted; unmodifiable */
    public Set<String> fileNames() {
        return files.keySet();
    }

    /**
     * Returns a builder holding this bundle's kind, name, version, files, provenance and creation time, for example
     * to publish the same model under a new version.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().kind(manifest.kind()).name(manifest.name()).version(manifest.version())
                .provenance(manifest.provenance()).created(manifest.created());
        files.forEach((n, bytes) -> {
            if (n.equals(MODEL_FILE)) {
                b.model(bytes);
            } else {
                b.file(n, bytes);
            }
        });
        return b;
    }

    /**
     * Writes the bundle as a new directory, atomically: the files go into a temporary sibling directory, are synced
     * to disk, and the sibling is renamed to {@code dir}. A crash or error never leaves a partial bundle at
     * {@code dir}.
     *
     * @param dir the directory to create; it must not exist yet (its parent is created if needed)
     * @throws io.retailgen.core.RetailGenException with {@code IO} when {@code dir} exists or writing fails
     */
    public void saveTo(Path dir) {
        Objects.requireNonNull(dir, "dir == null");
        BundleIo.createDirectoryAtomically(dir, this::writeInto);
    }

    /**
     * Writes the bundle as a zip file, atomically: the zip is written to a temporary sibling, synced, and renamed
     * onto {@code zip}, replacing an existing file in one step. Readers never see a partial zip.
     *
     * @param zip the zip file to write (its parent directory is created if needed)
     * @throws io.retailgen.core.RetailGenException with {@code IO} when writing fails
     */
    public void saveZip(Path zip) {
        Objects.requireNonNull(zip, "zip == null");
        if (Files.isDirectory(zip)) {
            throw new IllegalArgumentException("cannot write bundle zip to " + zip + ": it is a directory");
        }
        BundleIo.replaceFileAtomically(zip, this::writeZip);
    }

    /** Writes manifest and files into an existing empty directory. */
    void writeInto(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> e : allFiles().entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            BundleIo.writeSynced(file, e.getValue());
        }
    }

    /** Every file as written to disk: the manifest, its hash, the signature when signed, and the bundle's files. */
    private Map<String, byte[]> allFiles() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put(BundleManifest.FILE_NAME, manifestBytes);
        all.put(BundleIo.MANIFEST_HASH_FILE, BundleIo.manifestHashLine(manifestBytes));
        if (signature != null) {
            all.put(BundleSignature.FILE_NAME, signature.toJson());
        }
        all.putAll(files);
        return all;
    }

    private void writeZip(Path temp) throws IOException {
        LocalDateTime time = LocalDateTime.ofInstant(manifest.created(), ZoneOffset.UTC);
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : allFiles().entrySet()) {
                putEntry(zip, e.getKey(), e.getValue(), time);
            }
        }
    }

    private static void putEntry(ZipOutputStream zip, String name, byte[] bytes, LocalDateTime time)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelBundle other && manifest.equals(other.manifest);
    }

    @Override
    public int hashCode() {
        return manifest.hashCode();
    }

    @Override
    public String toString() {
        return "ModelBundle[" + manifest.kind() + " " + manifest.name() + ":" + manifest.version() + ", files="
                + files.keySet() + "]";
    }

    /**
     * Builds a {@link ModelBundle} in memory. Setters validate at once; {@link #build()} names what is missing.
     * Not thread-safe.
     */
    public static final class Builder {
        private String kind;
        private String name;
        private String version;
        private byte[] model;
        private final Map<String, byte[]> extra = new TreeMap<>();
        private Provenance provenance;
        private Instant created;

        private Builder() {
        }

        /**
         * @param kind what sort of model, e.g. {@code recommend.gru4rec}; letters, digits, '.', '_', '+', '-'
         * @return this builder
         */
        public Builder kind(String kind) {
            this.kind = BundleIo.checkSafeName("kind", kind);
            return this;
        }

        /**
         * @param name the model's name, used as a directory name in a registry; letters, digits, '.', '_', '+', '-'
         * @return this builder
         */
        public Builder name(String name) {
            this.name = BundleIo.checkSafeName("name", name);
            return this;
        }

        /**
         * @param version the model's version, e.g. {@code 3} or {@code 1.2.0}; letters, digits, '.', '_', '+', '-'
         * @return this builder
         */
        public Builder version(String version) {
            this.version = BundleIo.checkSafeName("version", version);
            return this;
        }

        /**
         * @param onnx the bytes of {@value #MODEL_FILE} (copied)
         * @return this builder
         */
        public Builder model(byte[] onnx) {
            Objects.requireNonNull(onnx, "model == null");
            this.model = onnx.clone();
            return this;
        }

        /**
         * Adds an extra file.
         *
         * @param path the file's '/'-separated relative path, e.g. {@code vocab.json} or {@code scalers/price.json}
         * @param bytes the content (copied)
         * @return this builder
         * @throws IllegalArgumentException when the path is unsafe, reserved ({@value #MODEL_FILE},
         *     {@code manifest.json}, {@code manifest.sha256}, {@code signature.json}) or already added
         */
        public Builder file(String path, byte[] bytes) {
            BundleIo.checkRelativePath(path);
            Objects.requireNonNull(bytes, () -> "bytes of '" + path + "' == null");
            if (path.equals(MODEL_FILE)) {
                throw new IllegalArgumentException("'" + MODEL_FILE + "' is set with model(bytes), not file(..)");
            }
            if (BundleIo.RESERVED_FILES.contains(path)) {
                throw new IllegalArgumentException("'" + path + "' is written by the SDK and cannot be added as a file");
            }
            if (extra.containsKey(path)) {
                throw new IllegalArgumentException("file '" + path + "' was already added");
            }
            extra.put(path, bytes.clone());
            return this;
        }

        /**
         * @param provenance where the model came from, e.g. from {@link Provenance#capture}
         * @return this builder
         */
        public Builder provenance(Provenance provenance) {
            this.provenance = Objects.requireNonNull(provenance, "provenance == null");
            return this;
        }

        /**
         * @param created the creation time to record; optional, defaults to now (truncated to milliseconds)
         * @return this builder
         */
        public Builder created(Instant created) {
            this.created = Objects.requireNonNull(created, "created == null");
            return this;
        }

        /**
         * Hashes every file and builds the bundle.
         *
         * @return the bundle
         * @throws IllegalStateException naming every missing setting (kind, name, version, model, provenance)
         * @throws IllegalArgumentException when two file paths clash (a path used as both a file and a directory)
         */
        public ModelBundle build() {
            List<String> missing = new ArrayList<>();
            if (kind == null) {
                missing.add("kind");
            }
            if (name == null) {
                missing.add("name");
            }
            if (version == null) {
                missing.add("version");
            }
            if (model == null) {
                missing.add("model");
            }
            if (provenance == null) {
                missing.add("provenance");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("cannot build ModelBundle: missing " + String.join(", ", missing));
            }
            Map<String, byte[]> all = new TreeMap<>();
            all.put(MODEL_FILE, model.clone());
            extra.forEach((p, b) -> all.put(p, b.clone()));
            Map<String, String> hashes = new TreeMap<>();
            all.forEach((p, b) -> hashes.put(p, BundleIo.sha256Hex(b)));
            Instant when = created != null ? created : Instant.now().truncatedTo(ChronoUnit.MILLIS);
            BundleManifest m = new BundleManifest(BundleManifest.CURRENT_FORMAT_VERSION, kind, name, version, when,
                    hashes, provenance);
            return new ModelBundle(m, ManifestJson.write(m), all, null);
        }
    }
}
