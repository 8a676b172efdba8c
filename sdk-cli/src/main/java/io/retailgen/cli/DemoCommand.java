package io.retailgen.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.Device;
import io.retailgen.core.bundle.DataFingerprint;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.bundle.ModelRegistry;
import io.retailgen.core.bundle.Provenance;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.train.ConsoleProgressBar;
import io.retailgen.training.TrainingEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retailgen demo}: the end-to-end life of a model on embedded generated data. It trains a shopper-intent MLP
 * with DJL, measures it on held-out rows, exports it to ONNX, publishes it as a bundle in a registry, serves it through
 * ONNX Runtime, checks that the served outputs equal the trained model's, then publishes a second version, hot-swaps
 * to it and rolls back.
 */
@Command(name = "demo", description = "Run the end-to-end demo on embedded generated data.")
final class DemoCommand implements Callable<Integer> {
    private static final String MODEL_NAME = "shopper-intent";

    @Option(names = "--out", description = "Folder for the model registry (default: ${DEFAULT-VALUE}).",
            defaultValue = "retailgen-demo")
    Path out;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    int seed;

    @Option(names = "--epochs", description = "Training epochs (default: ${DEFAULT-VALUE}).", defaultValue = "30")
    int epochs;

    @Option(names = "--device", description = "cpu or cuda:N (default: ${DEFAULT-VALUE}).", defaultValue = "cpu")
    String device;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OptionRanges.require(spec.commandLine(), "--epochs", epochs, 1, OptionRanges.MAX_EPOCHS);
        PrintWriter o = spec.commandLine().getOut();
        ShopperIntentData train = ShopperIntentData.generate(4000, seed);
        ShopperIntentData test = ShopperIntentData.generate(1000, seed + 1L);
        TrainingEngine engine = TrainingEngine.builder().seed(seed).device(Device.parse(device)).build();
        say(o, "RetailGen demo: shopper-intent model, " + train.rows + " training rows, " + test.rows
                + " held-out rows (generated, seed " + seed + ")");
        say(o, "training engine: " + engine.describe());

        ModelRegistry registry = ModelRegistry.open(out.resolve("registry"));
        String v1 = nextVersion(registry);
        Trained first = trainAndPublish(engine, registry, v1, train, test, 16, epochs);
        say(o, String.format(Locale.ROOT, "v%s: held-out accuracy %.3f (majority class %.3f), trained in %.1f s",
                v1, first.accuracy, test.majorityShare(), first.seconds));

        ObjectNode result = Json.object();
        try (ModelHandle<OnnxModel> handle = ModelHandle.fromRegistry(registry, MODEL_NAME,
                b -> OnnxModel.builder().model(b.modelBytes()).name(MODEL_NAME + "@" + b.manifest().version())
                        .device(engine.device()).build())) {
            float[] served = handle.apply(m -> MlpDemo.serve(m, test.x, test.rows));
            double diff = MlpDemo.maxAbsDiff(served, first.djlProbabilities);
            String backend = handle.apply(m -> m.selection().backend().name() + " on " + m.device());
            say(o, String.format(Locale.ROOT, "served v%s through %s: max |ONNX - DJL| = %.2e over %d x %d outputs",
                    handle.version(), backend, diff, test.rows, ShopperIntentData.CLASSES));
            if (diff > 1e-4) {
                throw new IllegalStateException("served model differs from the trained model by " + diff);
            }

            String v2 = nextVersion(registry);
            Trained second = trainAndPublish(engine, registry, v2, train, test, 32, epochs);
            handle.refresh();
            double diff2 = MlpDemo.maxAbsDiff(handle.apply(m -> MlpDemo.serve(m, test.x, test.rows)),
                    second.djlProbabilities);
            say(o, String.format(Locale.ROOT, "published v%s (accuracy %.3f) and hot-swapped to it: serving v%s, "
                    + "max |ONNX - DJL| = %.2e", v2, second.accuracy, handle.version(), diff2));
            String back = registry.rollback(MODEL_NAME);
            handle.refresh();
            say(o, "rolled back: registry resolves v" + back + ", handle serves v" + handle.version());

            result.put("accuracy", round(first.accuracy));
            result.put("majority_baseline", round(test.majorityShare()));
            result.put("max_abs_diff", diff);
            result.put("train_seconds", round(first.seconds));
            result.put("backend", backend);
            result.put("registry", registry.root().toString());
            result.put("versions", String.join(",", registry.list(MODEL_NAME)));
            result.put("swapped_to", v2);
            result.put("serving_version", handle.version());
        }
        if (json) {
            Json.print(o, result);
        }
        return 0;
    }

    private record Trained(double accuracy, double seconds, float[] djlProbabilities) {
    }

    private Trained trainAndPublish(TrainingEngine engine, ModelRegistry registry, String version,
            ShopperIntentData train, ShopperIntentData test, int hidden, int epochCount) {
        engine.reseed();
        long t0 = System.nanoTime();
        try (MlpDemo mlp = new MlpDemo(engine, hidden, 0.01f)) {
            mlp.train(train, epochCount, 64, ConsoleProgressBar.create());
            double seconds = (System.nanoTime() - t0) / 1e9;
            float[] probs = mlp.predict(test.x, test.rows);
            double acc = MlpDemo.accuracy(probs, test.y);
            Map<String, String> hyper = new LinkedHashMap<>();
            hyper.put("hidden", Integer.toString(hidden));
            hyper.put("epochs", Integer.toString(epochCount));
            hyper.put("batch", "64");
            hyper.put("optimizer", "adam");
            hyper.put("learning_rate", "0.01");
            Provenance provenance = Provenance.capture(DataFingerprint.ofRows(train.rowsAsText()), train.rows, hyper,
                    seed, Map.of("accuracy", acc, "train_seconds", seconds));
            ModelBundle bundle = ModelBundle.builder().kind("demo.mlp").name(MODEL_NAME).version(version)
                    .model(mlp.exportOnnx()).provenance(provenance).build();
            registry.publish(bundle);
            return new Trained(acc, seconds, probs);
        }
    }

    private static String nextVersion(ModelRegistry registry) {
        int max = 0;
        if (registry.names().contains(MODEL_NAME)) {
            for (String v : registry.list(MODEL_NAME)) {
                try {
                    max = Math.max(max, Integer.parseInt(v));
                } catch (NumberFormatException ignored) {
                    // versions published by hand may have other names
                }
            }
        }
        return Integer.toString(max + 1);
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private void say(PrintWriter o, String line) {
        o.println(line);
        o.flush();
    }
}
