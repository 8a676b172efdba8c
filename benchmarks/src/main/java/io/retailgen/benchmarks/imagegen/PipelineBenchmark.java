package io.retailgen.benchmarks.imagegen;

import io.retailgen.imagegen.AssetPipeline;
import io.retailgen.imagegen.StyleGuide;
import io.retailgen.imagegen.StyleRecipe;
import io.retailgen.imagegen.StyleValidator;
import io.retailgen.imagegen.StyledAsset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Finished 1024x1024 assets per second through the post-processing pipeline: pad-fit with margins, bilinear upscale
 * from 28x28, lighting, recolouring, background, optional banner text (through an empty interceptor chain), and the
 * style validator on the result. Run with {@code -t 2} for two threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PipelineBenchmark {
    @Param({"solid", "gradient", "texture"})
    String background;

    @Param({"false", "true"})
    boolean banner;

    private AssetPipeline pipeline;
    private byte[] shirt;
    private StyleRecipe recipe;

    @Setup(Level.Trial)
    public void setUp() {
        StyleGuide guide = StyleGuide.parse("{\"name\":\"bench\",\"sizes\":[[1024,1024]],\"aspect_ratios\":[\"1:1\"],"
                + "\"palette\":[\"#1B2A49\",\"#E30613\",\"#F5F1E8\"],\"background\":\"" + background + "\","
                + "\"margin\":0.06,\"fit\":\"pad\",\"max_delta_e\":12}");
        pipeline = AssetPipeline.builder().guide(guide).build();
        shirt = new byte[28 * 28];
        for (int y = 3; y < 25; y++) {
            for (int x = 5; x < 23; x++) {
                shirt[y * 28 + x] = (byte) (120 + (x * 7 + y * 3) % 120);
            }
        }
        recipe = new StyleRecipe(0, 1, 2, 0.2, 1.1, 135, 0.3, banner ? "Spring sale" : null, Locale.UK);
    }

    /** Render and validate one asset. */
    @Benchmark
    public List<String> renderAndValidate() {
        StyledAsset a = pipeline.render(shirt, 28, 28, recipe);
        return StyleValidator.validate(a.image(), pipeline.guide());
    }
}
