package io.retailgen.spark;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * A model bundle on its way to the executors: either its zip bytes in a Spark broadcast variable (sent once per
 * executor) or a path every executor can read (a shared file system). Executors load it with
 * {@link ModelBundle#load}, which verifies every file's SHA-256 against the manifest, so a bundle damaged on the way
 * fails the task with {@code INVALID_BUNDLE} instead of serving a broken model.
 *
 * <pre>{@code
 * ShippedBundle deepar = ShippedBundle.broadcast(spark, model.toBundle("demand", "7"));
 * ShippedBundle recs = ShippedBundle.sharedPath("/mnt/models/recs-12.zip");
 * }</pre>
 *
 * <p>Serializable; it is captured by the functions Spark sends to the executors.
 */
public final class ShippedBundle implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> zip;
    private final String path;
    private final String key;

    private ShippedBundle(Broadcast<byte[]> zip, String path, String key) {
        this.zip = zip;
        this.path = path;
        this.key = key;
    }

    /**
     * Broadcasts the bundle's zip bytes.
     *
     * @param spark the session
     * @param bundle the bundle
     * @return the shipped bundle
     */
    public static ShippedBundle broadcast(SparkSession spark, ModelBundle bundle) {
        Objects.requireNonNull(spark, "spark == null");
        Objects.requireNonNull(bundle, "bundle == null");
        byte[] bytes = zipBytes(bundle);
        Broadcast<byte[]> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
        return new ShippedBundle(b, null, "sha256:" + sha256(bytes));
    }

    /**
     * A bundle directory or zip file at a path every executor can read.
     *
     * @param path the path on the executors
     * @return the shipped bundle
     */
    public static ShippedBundle sharedPath(String path) {
        Objects.requireNonNull(path, "path == null");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path is blank");
        }
        return new ShippedBundle(null, path, "path:" + path);
    }

    /** @return a key that names this bundle in an executor's model cache */
    String key() {
        return key;
    }

    /**
     * Loads and verifies the bundle (on an executor).
     *
     * @return the verified bundle
     * @throws RetailGenException with {@code INVALID_BUNDLE} when a file does not match the manifest
     */
    ModelBundle load() {
        if (path != null) {
            return ModelBundle.load(Path.of(path));
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("retailgen-bundle-", ".zip");
            Files.write(tmp, zip.value());
            return ModelBundle.load(tmp);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot stage the broadcast bundle " + key + ": " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    static byte[] zipBytes(ModelBundle bundle) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("retailgen-ship-");
            Path zip = dir.resolve("bundle.zip");
            bundle.saveZip(zip);
            byte[] bytes = Files.readAllBytes(zip);
            Files.delete(zip);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bundle " + bundle.manifest().name() + " as a zip", e);
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temporary folder left behind is harmless
                }
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ShippedBundle[" + key + "]";
    }
}
