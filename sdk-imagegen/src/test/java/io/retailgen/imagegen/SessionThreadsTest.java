package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.retailgen.core.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ONNX Runtime sessions of an image model run each inference on the calling thread: opening a model starts no
 * intra-op pool (ONNX Runtime's default starts one spinning thread per further core and session, which spent about
 * half of {@code generate}'s CPU time waiting). Counted as the process's native threads on Linux.
 */
class SessionThreadsTest {
    private static final Path TASKS = Path.of("/proc/self/task");

    private static long threads() throws IOException {
        try (Stream<Path> s = Files.list(TASKS)) {
            return s.count();
        }
    }

    @Test
    void openingAModelStartsNoInferenceThreadPools() throws Exception {
        assumeTrue(Files.isDirectory(TASKS), "needs /proc/self/task (Linux) to count native threads");
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "a pool needs at least two cores to show");
        ModelBundle bundle = TinyModels.gan().toBundle("threads", "1");
        try (ImageModel warm = ImageModel.fromBundle(bundle)) {
            warm.spec(); // class loading and the runtime's own start-up threads happen here
        }
        long before = threads();
        try (ImageModel model = ImageModel.fromBundle(bundle);
                ImageGenerator gen = ImageGenerator.builder().model(model).attributeCheck(false).build()) {
            gen.generate(model.spec().categories().get(0), 8, 1L);
            gen.classify(new float[28 * 28], 1);
            assertThat(threads() - before).as("threads started by opening and running generator and classifier")
                    .isLessThan(2);
        }
    }
}
