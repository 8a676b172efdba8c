package io.retailgen.benchmarks.imagegen;

import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.imagegen.ImageGenerator;
import io.retailgen.imagegen.ImageModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time of the calling thread per {@code generate(category, 1000, seed)} (attribute check off), with no
 * interceptors and with one that only proceeds: the difference is what passing the images through the chain costs
 * (encoding them as one PNG and building the request). Thread CPU time is far less disturbed by other processes than
 * wall-clock throughput.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.imagegen.InterceptedGenerationCpuTime BUNDLE_DIR [calls]
 * </pre>
 */
public final class InterceptedGenerationCpuTime {
    private static final int COUNT = 1000;

    private InterceptedGenerationCpuTime() {
    }

    /**
     * @param args the model bundle folder, then optionally the calls per round (default 20)
     */
    public static void main(String[] args) {
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (ImageModel model = ImageModel.fromBundle(ModelBundle.load(Path.of(args[0])));
                ImageGenerator plain = ImageGenerator.builder().model(model).attributeCheck(false).build();
                ImageGenerator intercepted = ImageGenerator.builder().model(model).attributeCheck(false)
                        .interceptors(InterceptorChain.of(chain -> chain.proceed(chain.request()))).build()) {
            String category = model.spec().categories().get(0);
            for (int round = 0; round < 4; round++) {
                double[] ms = new double[2];
                ImageGenerator[] generators = {plain, intercepted};
                for (int g = 0; g < 2; g++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < calls; i++) {
                        generators[g].generate(category, COUNT, i);
                    }
                    ms[g] = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / calls;
                }
                System.out.println(String.format(Locale.ROOT, "round %d%s: %.1f ms CPU per %d images without"
                        + " interceptors, %.1f ms with one (+%.1f ms)", round, round == 0 ? " (warm-up)" : "", ms[0],
                        COUNT, ms[1], ms[1] - ms[0]));
            }
        }
    }
}
