package io.retailgen.benchmarks.imagegen;

import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.imagegen.GeneratedImages;
import io.retailgen.imagegen.ImageGenerator;
import io.retailgen.imagegen.ImageModel;
import io.retailgen.core.intercept.InterceptorChain;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Images per second of {@link ImageGenerator#generate(String, int, long)}: 28x28 greyscale images of one category from
 * a trained bundle, served by ONNX Runtime on the CPU, with and without the classifier's attribute check (rejected
 * samples are regenerated, so the check costs a classifier pass plus the rejects). Give the bundle with
 * {@code -p bundle=DIR} (a folder written by {@code retailgen imagegen train}). {@code -p poolThreads=N} runs the
 * batches of each call on a pool of N threads (0: the calling thread); {@code -p interceptor=true} passes each call
 * through a chain with one interceptor that counts and proceeds (the request then carries the images as a PNG).
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

    @Param("0")
    int poolThreads;

    @Param("false")
    boolean interceptor;

    private ExecutorService pool;
    private final AtomicLong intercepted = new AtomicLong();

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
        ImageGenerator.Builder b = ImageGenerator.builder().model(model).attributeCheck(attributeCheck);
        if (poolThreads > 0) {
            pool = Executors.newFixedThreadPool(poolThreads);
            b.executor(pool);
        }
        if (interceptor) {
            b.interceptors(InterceptorChain.of(chain -> {
                intercepted.incrementAndGet();
                return chain.proceed(chain.request());
            }));
        }
        generator = b.build();
        category = generator.spec().categories().get(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        generator.close();
        model.close();
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** One call of 1,000 images of category 0; the score is images per second. */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public GeneratedImages generate() {
        return generator.generate(category, COUNT, seed++);
    }
}
