package io.retailgen.benchmarks.imagegen;

import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.imagegen.GeneratedImages;
import io.retailgen.imagegen.ImageGenerator;
import io.retailgen.imagegen.ImageModel;
import java.nio.file.Path;
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
 * Images per second of {@link ImageGenerator#generate(int, int, long)}: 28x28 greyscale images of one category from
 * a trained bundle, served by ONNX Runtime on the CPU, with and without the classifier's attribute check (rejected
 * samples are regenerated, so the check costs a classifier pass plus the rejects). Give the bundle with
 * {@code -p bundle=DIR} (a folder written by {@code retailgen imagegen train}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class GenerationBenchmark {
    static final int COUNT = 1000;

    @Param("")
    String bundle;

    @Param({"true", "false"})
    boolean attributeCheck;

    private ImageModel model;
    private ImageGenerator generator;
    private String category;
    private long seed;

    @Setup(Level.Trial)
    public void setUp() {
        if (bundle.isEmpty()) {
            throw new IllegalStateException("pass the model bundle folder with -p bundle=DIR");
        }
        model = ImageModel.fromBundle(ModelBundle.load(Path.of(bundle)));
        generator = ImageGenerator.builder().model(model)
                .attributeCheck(attributeCheck).build();
        category = generator.spec().categories().get(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        generator.close();
        model.close();
    }

    /** One call of 1,000 images of category 0; the score is images per second. */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public GeneratedImages generate() {
        return generator.generate(category, COUNT, seed++);
    }
}
