package io.retailgen.governance.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.BundleManifest;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.Provenance;
import io.retailgen.core.util.JsonText;
import io.retailgen.governance.privacy.PrivacyBudget;
import io.retailgen.governance.privacy.RdpAccountant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A model card (Mitchell et al., 2019) for one model bundle, built from its {@link BundleManifest}: what the model
 * is, the data it was trained on (fingerprint and row count), its hyper-parameters, seed, environment and metrics,
 * the privacy budget when it was trained with DP-SGD, and what it is for and not for. Rendered as Markdown
 * ({@link #toMarkdown()}) and JSON ({@link #toJson()}).
 *
 * <p>The privacy budget is computed with {@link RdpAccountant} when the hyper-parameters record DP-SGD settings:
 * {@value #NOISE_MULTIPLIER} (sigma), plus either {@value #SAMPLING_RATE} or {@value #BATCH_SIZE} (then
 * {@code q = batch / rows}), plus either {@value #STEPS} or {@value #EPOCHS} (then {@code steps = epochs * rows /
 * batch}), optionally {@value #DELTA} (otherwise {@code min(1e-5, 1/rows)} is assumed and the card says so), and
 * optionally {@value #CONVERSION}, the {@link RdpAccountant.Conversion} the training used ({@code CLASSIC} when absent),
 * so that the card's epsilon is the one the training accounted.
 *
 * <pre>{@code
 * ModelCard card = ModelCard.builder().bundle(ModelBundle.load(Path.of("bundles/session-gru/3")))
 *         .intendedUse("Next-item suggestions in the web shop's session sidebar")
 *         .limitation("Cold-start sessions fall back to popularity")
 *         .build();
 * card.write(Path.of("cards"));  // session-gru-3.md and session-gru-3.json
 * }</pre>
 *
 * @param manifest the bundle manifest the card describes
 * @param intendedUse what the model is meant for, not blank
 * @param limitations known limitations and out-of-scope uses (an unmodifiable copy; generated ones appended)
 * @param privacy the DP budget, or null when the hyper-parameters record no DP-SGD settings
 */
public record ModelCard(BundleManifest manifest, String intendedUse, List<String> limitations,
                        PrivacyBudget privacy) {

    /** Hyper-parameter key of the DP-SGD noise multiplier sigma. */
    public static final String NOISE_MULTIPLIER = "dp.noise_multiplier";
    /** Hyper-parameter key of the Poisson sampling rate q. */
    public static final String SAMPLING_RATE = "dp.sampling_rate";
    /** Hyper-parameter key of the expected batch size (used for q when the sampling rate is absent). */
    public static final String BATCH_SIZE = "dp.batch_size";
    /** Hyper-parameter key of the number of noisy steps. */
    public static final String STEPS = "dp.steps";
    /** Hyper-parameter key of the number of epochs (used for steps when they are absent). */
    public static final String EPOCHS = "dp.epochs";
    /** Hyper-parameter key of the target delta. */
    public static final String DELTA = "dp.delta";
    /** Hyper-parameter key of the RDP-to-(epsilon, delta) conversion ({@code CLASSIC} when absent). */
    public static final String CONVERSION = "dp.conversion";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Validates and copies. */
    public ModelCard {
        Objects.requireNonNull(manifest, "manifest == null");
        Objects.requireNonNull(intendedUse, "intendedUse == null");
        if (intendedUse.isBlank()) {
            throw new IllegalArgumentException("intendedUse must not be blank");
        }
        limitations = List.copyOf(Objects.requireNonNull(limitations, "limitations == null"));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the DP-SGD settings from hyper-parameters and computes the budget.
     *
     * @param provenance the provenance of a model
     * @return the budget, or null when {@value #NOISE_MULTIPLIER} is not recorded
     * @throws IllegalArgumentException when the DP settings are incomplete or not numbers
     */
    public static PrivacyBudget privacyBudget(Provenance provenance) {
        Objects.requireNonNull(provenance, "provenance == null");
        Map<String, String> hp = provenance.hyperParameters();
        if (!hp.containsKey(NOISE_MULTIPLIER)) {
            return null;
        }
        double sigma = number(hp, NOISE_MULTIPLIER);
        long rows = provenance.rowCount();
        double q;
        Double batch = hp.containsKey(BATCH_SIZE) ? number(hp, BATCH_SIZE) : null;
        if (hp.containsKey(SAMPLING_RATE)) {
            q = number(hp, SAMPLING_RATE);
        } else if (batch != null && rows > 0) {
            q = batch / rows;
        } else {
            throw new IllegalArgumentException("hyper-parameters record " + NOISE_MULTIPLIER + " but neither "
                    + SAMPLING_RATE + " nor " + BATCH_SIZE + " with a row count > 0 (rows " + rows + ")");
        }
        long steps;
        if (hp.containsKey(STEPS)) {
            steps = (long) number(hp, STEPS);
        } else if (hp.containsKey(EPOCHS)) {
            steps = (long) Math.floor(number(hp, EPOCHS) / q);
        } else {
            throw new IllegalArgumentException("hyper-parameters record " + NOISE_MULTIPLIER + " but neither "
                    + STEPS + " nor " + EPOCHS);
        }
        boolean assumed = !hp.containsKey(DELTA);
        double delta = assumed ? Math.min(1e-5, rows > 0 ? 1.0 / rows : 1e-5) : number(hp, DELTA);
        return PrivacyBudget.compute(sigma, q, steps, delta, assumed, conversion(hp));
    }

    private static RdpAccountant.Conversion conversion(Map<String, String> hp) {
        String v = hp.getOrDefault(CONVERSION, RdpAccountant.Conversion.CLASSIC.name()).trim();
        try {
            return RdpAccountant.Conversion.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hyper-parameter " + CONVERSION + " must be one of "
                    + java.util.Arrays.toString(RdpAccountant.Conversion.values()) + ", was '" + v + "'", e);
        }
    }

    private static double number(Map<String, String> hp, String key) {
        String v = hp.get(key);
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hyper-parameter " + key + " must be a number, was '" + v + "'", e);
        }
    }

    /** @return the card as Markdown */
    public String toMarkdown() {
        Provenance p = manifest.provenance();
        StringBuilder b = new StringBuilder();
        b.append("# Model card: ").append(manifest.name()).append(' ').append(manifest.version()).append("\n\n");
        b.append("| | |\n|---|---|\n");
        row(b, "Kind", manifest.kind());
        row(b, "Version", manifest.version());
        row(b, "Created", manifest.created().toString());
        row(b, "SDK", p.sdkVersion());
        row(b, "Java / OS", p.javaVersion() + " / " + p.osName() + " " + p.osArch());
        b.append("\n## Intended use\n\n").append(intendedUse.strip()).append("\n");
        b.append("\n## Training data\n\n");
        b.append("- Fingerprint (SHA-256): `").append(p.dataFingerprint()).append("`\n");
        b.append("- Rows: ").append(p.rowCount()).append("\n");
        b.append("- Seed: ").append(p.seed()).append("\n");
        b.append("\n## Hyper-parameters\n\n");
        table(b, p.hyperParameters(), "parameter");
        b.append("\n## Metrics\n\n");
        Map<String, String> metrics = new java.util.TreeMap<>();
        p.metrics().forEach((k, v) -> metrics.put(k, format(v)));
        table(b, metrics, "metric");
        b.append("\n## Privacy\n\n");
        if (privacy == null) {
            b.append("Not trained with differential privacy.\n");
        } else {
            b.append(String.format(Locale.ROOT, "Trained with DP-SGD: (epsilon = %.3f, delta = %s)-differential "
                            + "privacy (RDP accountant, %s conversion, best order %s).%n%n", privacy.epsilon(),
                    format(privacy.delta()), privacy.conversion().name().toLowerCase(Locale.ROOT),
                    format(privacy.order())));
            b.append("- Noise multiplier: ").append(format(privacy.noiseMultiplier())).append("\n");
            b.append("- Sampling rate: ").append(format(privacy.samplingRate())).append("\n");
            b.append("- Steps: ").append(privacy.steps()).append("\n");
            if (privacy.deltaAssumed()) {
                b.append("- Delta was not recorded; min(1e-5, 1/rows) was assumed.\n");
            }
        }
        b.append("\n## Limitations\n\n");
        if (limitations.isEmpty()) {
            b.append("None recorded.\n");
        }
        for (String l : limitations) {
            b.append("- ").append(l.strip()).append("\n");
        }
        b.append("\n## Files\n\n");
        table(b, manifest.files(), "file");
        return b.toString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("| ").append(k).append(" | ").append(escape(v)).append(" |\n");
    }

    private static void table(StringBuilder b, Map<String, String> m, String what) {
        if (m.isEmpty()) {
            b.append("None recorded.\n");
            return;
        }
        b.append("| ").append(what).append(" | value |\n|---|---|\n");
        m.forEach((k, v) -> b.append("| ").append(escape(k)).append(" | ").append(escape(v)).append(" |\n"));
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** @return the card as a JSON document (pretty-printed) */
    public String toJson() {
        Provenance p = manifest.provenance();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", manifest.name());
        root.put("kind", manifest.kind());
        root.put("version", manifest.version());
        root.put("created", manifest.created().toString());
        root.put("intendedUse", intendedUse);
        ObjectNode data = root.putObject("data");
        data.put("fingerprint", p.dataFingerprint());
        data.put("rows", p.rowCount());
        root.put("seed", p.seed());
        ObjectNode hp = root.putObject("hyperParameters");
        p.hyperParameters().forEach(hp::put);
        ObjectNode metrics = root.putObject("metrics");
        p.metrics().forEach(metrics::put);
        if (privacy == null) {
            root.putNull("privacy");
        } else {
            ObjectNode dp = root.putObject("privacy");
            dp.put("mechanism", "DP-SGD");
            dp.put("accountant", "RDP");
            dp.put("conversion", privacy.conversion().name());
            dp.put("epsilon", privacy.epsilon());
            dp.put("delta", privacy.delta());
            dp.put("deltaAssumed", privacy.deltaAssumed());
            dp.put("noiseMultiplier", privacy.noiseMultiplier());
            dp.put("samplingRate", privacy.samplingRate());
            dp.put("steps", privacy.steps());
            dp.put("order", privacy.order());
        }
        limitations.forEach(root.putArray("limitations")::add);
        ObjectNode env = root.putObject("environment");
        env.put("sdkVersion", p.sdkVersion());
        env.put("javaVersion", p.javaVersion());
        env.put("os", p.osName() + " " + p.osArch());
        ObjectNode files = root.putObject("files");
        manifest.files().forEach(files::put);
        return JsonText.write(MAPPER.writer(), root);
    }

    /**
     * Writes {@code <name>-<version>.md} and {@code <name>-<version>.json} into a directory.
     *
     * @param directory the directory (created when missing)
     * @return the Markdown file
     * @throws RetailGenException when the files cannot be written
     */
    public Path write(Path directory) {
        Objects.requireNonNull(directory, "directory == null");
        String base = manifest.name() + "-" + manifest.version();
        try {
            Files.createDirectories(directory);
            Path md = directory.resolve(base + ".md");
            Files.writeString(md, toMarkdown(), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(base + ".json"), toJson(), StandardCharsets.UTF_8);
            return md;
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot write model card to " + directory + ": " + e, e);
        }
    }

    /** Collects a {@link ModelCard}. Setters validate at once; {@link #build()} names what is missing. */
    public static final class Builder {
        private BundleManifest manifest;
        private String intendedUse;
        private final List<String> limitations = new ArrayList<>();

        Builder() {
        }

        /**
         * @param bundle the bundle to describe
         * @return this builder
         */
        public Builder bundle(ModelBundle bundle) {
            return manifest(Objects.requireNonNull(bundle, "bundle == null").manifest());
        }

        /**
         * @param manifest the manifest to describe
         * @return this builder
         */
        public Builder manifest(BundleManifest manifest) {
            this.manifest = Objects.requireNonNull(manifest, "manifest == null");
            return this;
        }

        /**
         * @param text what the model is meant for
         * @return this builder
         */
        public Builder intendedUse(String text) {
            Objects.requireNonNull(text, "intendedUse == null");
            if (text.isBlank()) {
                throw new IllegalArgumentException("intendedUse must not be blank");
            }
            this.intendedUse = text;
            return this;
        }

        /**
         * @param text a known limitation or out-of-scope use
         * @return this builder
         */
        public Builder limitation(String text) {
            Objects.requireNonNull(text, "limitation == null");
            if (text.isBlank()) {
                throw new IllegalArgumentException("limitation must not be blank");
            }
            limitations.add(text);
            return this;
        }

        /**
         * Computes the privacy budget and adds the generated limitations (no DP: the model may memorize rows; an
         * epsilon above 10 gives only weak protection).
         *
         * @return the card
         * @throws IllegalStateException when the manifest or the intended use is missing
         * @throws IllegalArgumentException when the hyper-parameters record incomplete DP settings
         */
        public ModelCard build() {
            if (manifest == null || intendedUse == null) {
                throw new IllegalStateException("missing " + (manifest == null ? "manifest (bundle(...))" : "")
                        + (manifest == null && intendedUse == null ? " and " : "")
                        + (intendedUse == null ? "intended use (intendedUse(...))" : ""));
            }
            PrivacyBudget privacy = privacyBudget(manifest.provenance());
            List<String> all = new ArrayList<>(limitations);
            if (privacy == null) {
                all.add("Trained without differential privacy: the model may memorize individual training rows.");
            } else if (privacy.epsilon() > 10) {
                all.add(String.format(Locale.ROOT, "Privacy budget epsilon = %.2f is above 10 and gives only weak "
                        + "protection against membership inference.", privacy.epsilon()));
            }
            if (manifest.provenance().metrics().isEmpty()) {
                all.add("No evaluation metrics were recorded.");
            }
            return new ModelCard(manifest, intendedUse, all, privacy);
        }
    }
}
