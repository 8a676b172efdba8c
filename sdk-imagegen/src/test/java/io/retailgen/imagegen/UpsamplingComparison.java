package io.retailgen.imagegen;

import java.util.Locale;

/**
 * Experiment (not a test): trains the GAN twice on the same data, seed and step count, once with the nearest x2 +
 * Conv5x5 final upsampling and once with Conv3x3(4) + depth-to-space, and compares both in the feature space of the
 * first run's classifier. Arguments: images, labels, test images, test labels, training images, epochs, and
 * optionally a time budget in minutes per run (then both runs get the same wall-clock budget instead of equal steps).
 */
final class UpsamplingComparison {
    private UpsamplingComparison() {
    }

    public static void main(String[] args) {
        LabeledImages train = TestData.idx(java.nio.file.Path.of(args[0]), java.nio.file.Path.of(args[1]));
        LabeledImages test = TestData.idx(java.nio.file.Path.of(args[2]), java.nio.file.Path.of(args[3]));
        LabeledImages slice = train.slice(0, Integer.parseInt(args[4]));
        int epochs = Integer.parseInt(args[5]);
        ImageModel base = null;
        for (boolean subPixel : new boolean[] {false, true}) {
            ImageTrainer.Builder b = ImageTrainer.builder().seed(42L).epochs(epochs).classifierEpochs(2)
                    .subPixelOutput(subPixel);
            if (args.length > 6) {
                b.timeBudget(java.time.Duration.ofMillis((long) (Double.parseDouble(args[6]) * 60_000)));
            }
            ImageModel m = b.build().train(slice);
            if (base == null) {
                base = m;
            }
            try (ImageModel judged = new ImageModel(m.generatorOnnx(), base.classifierOnnx(), null, m.spec(),
                    m.provenance(), m.trainSeconds(), m.exportMaxAbsDiff());
                    ImageGenerator gen = ImageGenerator.builder().model(judged).attributeCheck(false).build()) {
                QualityReport q = ImageQuality.evaluate(gen, train, test, 1000, 42L);
                gen.generate(m.spec().categories().get(0), 5000, 1L);
                long t0 = System.nanoTime();
                int n = 0;
                for (int r = 0; r < 5; r++) {
                    n += gen.generate(m.spec().categories().get(r), 5000, 2L + r).count();
                }
                double ips = n / ((System.nanoTime() - t0) / 1e9);
                System.out.println(String.format(Locale.ROOT, "RESULT subPixel=%s steps=%s gan_seconds=%.1f"
                        + " export_diff=%.2e fid_feature=%.3f floor=%.3f class_fidelity=%.4f diversity=%.3f"
                        + " generator_images_per_second=%.0f", subPixel, m.provenance().hyperParameters()
                        .get("steps"), m.provenance().metrics().get("gan_seconds"), m.exportMaxAbsDiff(),
                        q.fidFeature(), q.fidFloor(), q.classFidelity(), q.diversity(), ips));
            }
        }
    }
}
