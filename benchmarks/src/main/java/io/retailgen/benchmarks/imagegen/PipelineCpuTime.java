package io.retailgen.benchmarks.imagegen;

import io.retailgen.imagegen.AssetPipeline;
import io.retailgen.imagegen.StyleGuide;
import io.retailgen.imagegen.StyleRecipe;
import io.retailgen.imagegen.StyleValidator;
import io.retailgen.imagegen.StyledAsset;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The {@link PipelineBenchmark} work (render and validate one 1024x1024 asset with a banner) timed by the working
 * thread's CPU time, which other processes on a shared machine disturb far less than wall-clock time. GC and JIT
 * threads are not counted. Uses only the public API, so it also runs against an older sdk-imagegen jar put first on
 * the class path.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.imagegen.PipelineCpuTime [assets] [rounds]
 * </pre>
 */
public final class PipelineCpuTime {
    private PipelineCpuTime() {
    }

    /**
     * @param args assets per round and background (default 200), rounds (default 3; the first is warm-up)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        byte[] shirt = new byte[28 * 28];
        for (int y = 3; y < 25; y++) {
            for (int x = 5; x < 23; x++) {
                shirt[y * 28 + x] = (byte) (120 + (x * 7 + y * 3) % 120);
            }
        }
        StyleRecipe recipe = new StyleRecipe(0, 1, 2, 0.2, 1.1, 135, 0.3, "Spring sale", Locale.UK);
        String[] backgrounds = {"solid", "gradient", "texture"};
        for (int round = 0; round < rounds; round++) {
            for (String background : backgrounds) {
                StyleGuide guide = StyleGuide.parse("{\"name\":\"bench\",\"sizes\":[[1024,1024]],"
                        + "\"aspect_ratios\":[\"1:1\"],\"palette\":[\"#1B2A49\",\"#E30613\",\"#F5F1E8\"],"
                        + "\"background\":\"" + background + "\",\"margin\":0.06,\"fit\":\"pad\",\"max_delta_e\":12}");
                AssetPipeline pipeline = AssetPipeline.builder().guide(guide).build();
                int violations = 0;
                long cpu0 = mx.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    StyledAsset a = pipeline.render(shirt, 28, 28, recipe);
                    violations += StyleValidator.validate(a.image(), guide).size();
                }
                double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
                double wall = (System.nanoTime() - wall0) / 1e9;
                System.out.printf(Locale.ROOT, "%s %s: %.1f assets per CPU-second (%.2f ms CPU per asset), "
                        + "%.1f assets/s wall, %d violations%n", round == 0 ? "warm-up" : "round " + round,
                        background, n / cpu, 1000 * cpu / n, n / wall, violations);
            }
        }
    }
}
