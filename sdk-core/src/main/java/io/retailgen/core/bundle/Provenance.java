package io.retailgen.core.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where a trained model came from: what data, which settings, which seed, which software, and how well it scored.
 * Every {@link ModelBundle} carries one in its manifest.
 *
 * <pre>{@code
 * Provenance p = Provenance.capture(
 *         DataFingerprint.ofFile(Path.of("sessions.csv")), 1_204_331,
 *         Map.of("hidden", "100", "epochs", "10"), 42L,
 *         Map.of("recall@20", 0.61));
 * }</pre>
 *
 * <p>Immutable and thread-safe. Maps are copied into sorted, unmodifiable maps so that the manifest is written in a
 * stable order.
 *
 * @param dataFingerprint a fingerprint of the training data as the caller computed it, normally the SHA-256 hex from
 *     {@link DataFingerprint}; any non-blank text is accepted
 * @param rowCount how many training rows (sessions, series, images) the model saw; {@code >= 0}
 * @param hyperParameters the training settings, as text values (numbers written as the caller formats them)
 * @param seed the random seed of the training run
 * @param sdkVersion the RetailGen SDK version that trained the model
 * @param javaVersion the Java runtime version ({@code java.version})
 * @param osName the operating system name ({@code os.name})
 * @param osArch the CPU architecture ({@code os.arch})
 * @param metrics evaluation results by name, all finite
 */
public record Provenance(
        String dataFingerprint,
        long rowCount,
        Map<String, String> hyperParameters,
        long seed,
        String sdkVersion,
        String javaVersion,
        String osName,
        String osArch,
        Map<String, Double> metrics) {

    /** The text recorded when the SDK version cannot be determined. */
    public static final String UNKNOWN = "unknown";

    private static final String VERSION_RESOURCE = "/io/retailgen/core/sdk-version.properties";

    /** Validates every field and copies the maps. */
    public Provenance {
        dataFingerprint = nonBlank("dataFingerprint", dataFingerprint);
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must be >= 0, was " + rowCount);
        }
        hyperParameters = copyHyperParameters(hyperParameters);
        sdkVersion = nonBlank("sdkVersion", sdkVersion);
        javaVersion = nonBlank("javaVersion", javaVersion);
        osName = nonBlank("osName", osName);
        osArch = nonBlank("osArch", osArch);
        metrics = copyMetrics(metrics);
    }

    /**
     * Builds a provenance record for a model trained in this JVM, filling the SDK, Java and OS fields automatically.
     *
     * @param dataFingerprint a fingerprint of the training data, e.g. from {@link DataFingerprint#ofFile}
     * @param rowCount how many training rows the model saw
     * @param hyperParameters the training settings
     * @param seed the random seed of the training run
     * @param metrics evaluation results by name (may be empty)
     * @return the record
     * @throws IllegalArgumentException when a value is invalid (blank fingerprint, negative row count, NaN metric)
     */
    public static Provenance capture(String dataFingerprint, long rowCount, Map<String, String> hyperParameters,
            long seed, Map<String, Double> metrics) {
        return new Provenance(dataFingerprint, rowCount, hyperParameters, seed, currentSdkVersion(),
                System.getProperty("java.version", UNKNOWN), System.getProperty("os.name", UNKNOWN),
                System.getProperty("os.arch", UNKNOWN), metrics);
    }

    /**
     * Returns a copy of this record with {@code metrics} replacing the metrics, for models evaluated after training.
     *
     * @param newMetrics evaluation results by name
     * @return the new record
     */
    public Provenance withMetrics(Map<String, Double> newMetrics) {
        return new Provenance(dataFingerprint, rowCount, hyperParameters, seed, sdkVersion, javaVersion, osName, osArch,
                newMetrics);
    }

    /**
     * The version of the SDK on the class path: the Maven-filtered resource
     * {@code io/retailgen/core/sdk-version.properties}, else the jar manifest's {@code Implementation-Version}, else
     * {@value #UNKNOWN}.
     *
     * @return the SDK version, never null
     */
    public static String currentSdkVersion() {
        return SdkVersionHolder.VERSION;
    }

    private static final class SdkVersionHolder {
        static final String VERSION = readSdkVersion();
    }

    private static String readSdkVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in != null) {
                Properties props = new Properties();
                props.load(in);
                String v = props.getProperty("version", "").trim();
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the jar manifest
        }
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? UNKNOWN : v;
    }

    private static String nonBlank(String field, String value) {
        if (value == null) {
            throw new NullPointerException(field + " == null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    private static Map<String, String> copyHyperParameters(Map<String, String> in) {
        Objects.requireNonNull(in, "hyperParameters == null");
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : in.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new NullPointerException("hyperParameters must not hold null keys or values: " + in);
            }
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, Double> copyMetrics(Map<String, Double> in) {
        Objects.requireNonNull(in, "metrics == null");
        TreeMap<String, Double> copy = new TreeMap<>();
        for (Map.Entry<String, Double> e : in.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new NullPointerException("metrics must not hold null keys or values: " + in);
            }
            if (!Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("metric '" + e.getKey() + "' must be finite, was " + e.getValue());
            }
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }
}
