package io.retailgen.core.bundle;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The contents of a bundle's {@code manifest.json}: what the model is, which version, the SHA-256 of every file in
 * the bundle, and its {@link Provenance}.
 *
 * <pre>{@code
 * BundleManifest m = ModelBundle.load(Path.of("gru4rec-3.zip")).manifest();
 * System.out.println(m.name() + ":" + m.version() + " trained with seed " + m.provenance().seed());
 * }</pre>
 *
 * <p>The JSON form (format version 1) is:
 * <pre>{@code
 * {
 *   "formatVersion" : 1,
 *   "kind" : "recommend.gru4rec",
 *   "name" : "storefront-recs",
 *   "version" : "3",
 *   "created" : "2026-01-31T12:00:00Z",
 *   "files" : { "model.onnx" : "<sha256 hex>", "vocab.json" : "<sha256 hex>" },
 *   "provenance" : { "dataFingerprint" : "...", "rowCount" : 1000, "hyperParameters" : { "hidden" : "100" },
 *                    "seed" : 42, "sdkVersion" : "0.1.0", "javaVersion" : "17.0.15", "osName" : "Linux",
 *                    "osArch" : "amd64", "metrics" : { "recall@20" : 0.61 } }
 * }
 * }</pre>
 * Readers ignore fields they do not know, so later releases may add optional fields without raising the format
 * version.
 *
 * <p>Immutable and thread-safe.
 *
 * @param formatVersion the bundle format version, from 1 to {@link #CURRENT_FORMAT_VERSION}
 * @param kind what sort of model this is, e.g. {@code recommend.gru4rec} or {@code demo.mlp}; decides which module can
 *     load it
 * @param name the model's name, e.g. {@code storefront-recs}; also its directory name in a {@link ModelRegistry}
 * @param version the model's version, e.g. {@code 3} or {@code 1.2.0}; also a directory name in a registry
 * @param created when the bundle was built (UTC)
 * @param files the lower-case SHA-256 hex of every file in the bundle by its '/'-separated relative path; always
 *     includes {@value ModelBundle#MODEL_FILE} and never {@value #FILE_NAME}
 * @param provenance where the model came from
 */
public record BundleManifest(
        int formatVersion,
        String kind,
        String name,
        String version,
        Instant created,
        Map<String, String> files,
        Provenance provenance) {

    /** The format version that this SDK writes and the newest it reads. */
    public static final int CURRENT_FORMAT_VERSION = 1;

    /** The manifest's file name at the root of every bundle. */
    public static final String FILE_NAME = "manifest.json";

    /** Validates every field and copies the file map into a sorted, unmodifiable map. */
    public BundleManifest {
        if (formatVersion < 1 || formatVersion > CURRENT_FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion must be between 1 and " + CURRENT_FORMAT_VERSION
                    + ", was " + formatVersion);
        }
        BundleIo.checkSafeName("kind", kind);
        BundleIo.checkSafeName("name", name);
        BundleIo.checkSafeName("version", version);
        Objects.requireNonNull(created, "created == null");
        Objects.requireNonNull(provenance, "provenance == null");
        files = copyFiles(files);
    }

    private static Map<String, String> copyFiles(Map<String, String> in) {
        Objects.requireNonNull(in, "files == null");
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : in.entrySet()) {
            String path = BundleIo.checkRelativePath(e.getKey());
            if (BundleIo.RESERVED_FILES.contains(path)) {
                throw new IllegalArgumentException("files must not list '" + path + "', which the SDK writes itself");
            }
            String hash = Objects.requireNonNull(e.getValue(), () -> "sha256 of '" + path + "' == null");
            if (!BundleIo.SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalArgumentException("sha256 of '" + path + "' must be 64 lower-case hex digits, was '"
                        + hash + "'");
            }
            copy.put(path, hash);
        }
        if (!copy.containsKey(ModelBundle.MODEL_FILE)) {
            throw new IllegalArgumentException("files must include '" + ModelBundle.MODEL_FILE + "', has "
                    + copy.keySet());
        }
        for (String path : copy.keySet()) {
            // "a" and "a/b" cannot both exist on a file system
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                String parent = path.substring(0, slash);
                if (copy.containsKey(parent) || parent.equals(FILE_NAME)) {
                    throw new IllegalArgumentException("file '" + parent + "' clashes with '" + path
                            + "': a path cannot be both a file and a directory");
                }
            }
        }
        return Collections.unmodifiableMap(copy);
    }
}
