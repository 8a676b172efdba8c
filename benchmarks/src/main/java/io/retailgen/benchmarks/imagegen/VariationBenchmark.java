package io.retailgen.benchmarks.imagegen;

import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.imagegen.GeneratedImages;
import io.retailgen.imagegen.ImageGenerator;
import io.retailgen.imagegen.ImageModel;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Images per second of {@link ImageGenerator#variationsOf(float[], int, int, float, long)}: one encoder pass over a
 * reference, then 100 decoded variations, with or without the attribute check. Needs a conditional VAE bundle
 * ({@code retailgen imagegen train --architecture cvae}), given with {@code -p bundle=DIR}. The reference is a fixed
 * synthetic image (a bright rectangle on black), so no data files are needed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class VariationBenchmark {
    static final int COUNT = 100;

    @Param("")
    String bundle;

    @Param({"true", "false"})
    boolean attributeCheck;

    private ImageModel model;
    private ImageGenerator generator;
    private String category;
    private float[] reference;
    private long seed;

    @Setup(Level.Trial)
    public void setUp() {
        if (bundle.isEmpty()) {
            throw new IllegalStateException("pass a cvae model bundle folder with -p bundle=DIR");
        }
        model = ImageModel.fromBundle(ModelBundle.load(Path.of(bundle)));
        generator = ImageGenerator.builder().model(model)
                .attributeCheck(attributeCheck).maxAttemptsFactor(1000).build();
        if (!generator.canEncode()) {
            generator.close();
            model.close();
            throw new IllegalStateException(bundle + " has no encoder: train it with --architecture cvae");
        }
        category = generator.spec().categories().get(0);
        int h = generator.spec().height();
        int w = generator.spec().width();
        reference = new float[h * w];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int y = h / 6; y < h - h / 6; y++) {
            for (int x = w / 4; x < w - w / 4; x++) {
                reference[y * w + x] = 0.6f + 0.3f * (float) rnd.nextDouble();
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        generator.close();
        model.close();
    }

    /** 100 variations of the reference, conditioned on category 0; the score is images per second. */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public GeneratedImages variations() {
        return generator.variationsOf(reference, category, COUNT, 0.5f, seed++);
    }
}
