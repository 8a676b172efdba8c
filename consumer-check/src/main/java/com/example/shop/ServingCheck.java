package com.example.shop;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Verdict;
import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.Forecaster;
import io.retailgen.forecast.Frequency;
import io.retailgen.forecast.TimeSeries;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyResult;
import io.retailgen.imagegen.ImageQuality;
import io.retailgen.imagegen.LabeledImages;
import io.retailgen.recommend.EventContext;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.Recommendation;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.RecommendTrainer;
import io.retailgen.recommend.Recommender;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The serving application: loads the saved recommender, recommends, forecasts and screens a text, on a class path
 * without the training artifact; then checks what that class path and the one of sdk-governance alone cost.
 * Exits with status 1 and the failed checks when any target is missed.
 */
public final class ServingCheck {

    /** What serving recommend, forecast and images may cost. */
    static final double SERVING_MAX_MB = 60;
    /** What sdk-governance alone may cost. */
    static final double GOVERNANCE_MAX_MB = 5;
    /** Side of the small images compared by their features. */
    private static final int SIDE = 8;

    private static final List<String> FAILED = new ArrayList<>();

    private ServingCheck() {
    }

    private static void check(boolean ok, String what) {
        System.out.println((ok ? "ok   " : "FAIL ") + what);
        if (!ok) {
            FAILED.add(what);
        }
    }

    /**
     * @param args the saved recommender, then the class-path files of the serving set, sdk-governance alone and
     *     the training set
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path saved = Path.of(args[0]);
        List<Path> serving = classPath(Path.of(args[1]));
        List<Path> governance = classPath(Path.of(args[2]));
        List<Path> training = classPath(Path.of(args[3]));

        // what this JVM runs with is the serving set: no PyTorch, no DJL
        List<String> running = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        check(running.stream().noneMatch(ServingCheck::isPyTorchOrDjl), "no PyTorch or DJL jar on this JVM's class path");
        check(serving.stream().noneMatch(ServingCheck::isPyTorchOrDjl),
                "no PyTorch or DJL artifact resolved for the serving set (" + serving.size() + " jars)");
        check(!loadable("ai.djl.engine.Engine") && !loadable("io.retailgen.training.TrainingEngine"),
                "DJL and sdk-training classes are absent at run time");

        recommend(saved);
        forecast();
        imageFeatures();
        policy();
        trainingWithoutTheArtifact();

        double servingMb = megabytes(serving);
        double governanceMb = megabytes(governance);
        double trainingMb = megabytes(training);
        System.out.printf(Locale.ROOT, "class path, serving recommend + forecast + imagegen + governance: %d jars, %.1f MB%n",
                serving.size(), servingMb);
        System.out.printf(Locale.ROOT, "class path, sdk-governance alone: %d jars, %.1f MB%n", governance.size(),
                governanceMb);
        System.out.printf(Locale.ROOT, "class path, the serving set plus sdk-training: %d jars, %.1f MB%n",
                training.size(), trainingMb);
        check(servingMb <= SERVING_MAX_MB, "serving set <= " + SERVING_MAX_MB + " MB");
        check(governanceMb <= GOVERNANCE_MAX_MB, "sdk-governance alone <= " + GOVERNANCE_MAX_MB + " MB");
        List<String> nativeJars = governance.stream().filter(ServingCheck::hasNativeCode).map(p -> p.getFileName()
                .toString()).toList();
        check(nativeJars.isEmpty(), "sdk-governance alone has no native code " + nativeJars);
        check(training.stream().anyMatch(ServingCheck::isPyTorchOrDjl), "the training set does bring PyTorch");

        if (!FAILED.isEmpty()) {
            System.out.println("consumer check FAILED: " + FAILED);
            System.exit(1);
        }
        System.out.println("consumer check passed");
    }

    private static void recommend(Path saved) {
        RecommendModel model = RecommendModel.fromBundle(ModelBundle.load(saved));
        check(model.hasSequenceModel(), "the saved recommender has its sequence model");
        try (Recommender rec = Recommender.builder().model(model).build()) {
            for (int i = 0; i < 3; i++) {
                rec.observe(Interaction.view("shopper-1", "sku-" + (4 + i), 1_800_000_000.0 + i));
            }
            List<Recommendation> top = rec.recommend("shopper-1", 5, EventContext.NONE);
            check(top.size() == 5 && top.stream().noneMatch(r -> r.itemId().isBlank()),
                    "the saved recommender serves 5 items: " + top.stream().map(Recommendation::itemId).toList());
            check(top.stream().allMatch(r -> r.modelVersion().equals(model.version())),
                    "recommendations name the model version " + model.version());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void forecast() {
        double[] history = new double[36];
        for (int t = 0; t < history.length; t++) {
            history[t] = 100 + 2 * t + 15 * Math.sin(2 * Math.PI * t / 12);
        }
        Forecast fc = Forecaster.builder().paths(200).seed(42).build()
                .forecast(TimeSeries.of("sku-1", Frequency.MONTHLY, history), 6);
        check(fc.horizon() == 6 && Arrays.stream(fc.mean()).allMatch(v -> Double.isFinite(v) && v > 100),
                "a 6-month forecast with scenarios (" + fc.model() + ")");
    }

    private static void imageFeatures() {
        LabeledImages dark = images(40, 60);
        LabeledImages alsoDark = images(40, 61);
        LabeledImages bright = images(200, 62);
        BrightnessFeatures features = new BrightnessFeatures(SIDE);
        double near = ImageQuality.frechetDistance(features, dark, alsoDark);
        double far = ImageQuality.frechetDistance(features, dark, bright);
        check(near < far, String.format(Locale.ROOT, "image sets compared by their features (%.4f < %.4f)", near,
                far));
    }

    private static LabeledImages images(int brightness, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int count = 64;
        byte[] pixels = new byte[count * SIDE * SIDE];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Math.min(255, brightness + rnd.nextInt(40));
        }
        return new LabeledImages(SIDE, SIDE, pixels, new int[count]);
    }

    private static void policy() {
        ContentPolicy policy = ContentPolicy.defaults();
        PolicyResult clean = policy.check("Soft organic cotton shirt in navy blue.");
        PolicyResult personal = policy.check("Questions? Mail jane.doe@example.com or call +44 20 7946 0958.");
        check(clean.verdict() == Verdict.ALLOW, "the content policy allows a plain product text");
        check(personal.verdict() != Verdict.ALLOW, "the content policy stops personal data (" + personal.verdict()
                + ")");
    }

    private static void trainingWithoutTheArtifact() {
        try {
            RecommendTrainer.builder().build().train(TrainRecommender.sessions(20, 1));
            check(false, "training without sdk-training fails");
        } catch (RetailGenException e) {
            check(e.getMessage().contains("io.retailgen:sdk-training"),
                    "training without sdk-training fails naming the artifact: " + e.getMessage());
        }
    }

    private static List<Path> classPath(Path file) throws IOException {
        String text = Files.readString(file).trim();
        return text.isEmpty() ? List.of()
                : Arrays.stream(text.split(File.pathSeparator)).map(Path::of).toList();
    }

    private static boolean isPyTorchOrDjl(Path jar) {
        String s = jar.toString().replace('\\', '/');
        return s.contains("/ai/djl/") || s.contains("pytorch");
    }

    private static boolean isPyTorchOrDjl(String entry) {
        return isPyTorchOrDjl(Path.of(entry));
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, ServingCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static double megabytes(List<Path> jars) throws IOException {
        long bytes = 0;
        for (Path p : jars) {
            bytes += Files.size(p);
        }
        return bytes / 1e6;
    }

    private static boolean hasNativeCode(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).map(n -> n.toLowerCase(Locale.ROOT))
                    .anyMatch(n -> n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib")
                            || n.endsWith(".jnilib"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + jar, e);
        }
    }
}
