package io.retailgen.recommend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;

/** Tiny data built at run time, and the shared-data locator. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * Sessions that walk a ring of {@code items} items: each session starts somewhere and mostly steps to the next
     * item, so the next click is predictable.
     */
    static List<Interaction> ring(int sessions, int items, int length, long seed) {
        return ring(sessions, items, length, 1, seed);
    }

    /**
     * Like {@link #ring(int, int, int, long)}, but the usual step is {@code step} items ({@code -1} walks the ring
     * backwards), so a model trained on it ranks a different successor.
     */
    static List<Interaction> ring(int sessions, int items, int length, int step, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Interaction> out = new ArrayList<>();
        double t = 1_000_000;
        for (int s = 0; s < sessions; s++) {
            int it = r.nextInt(items);
            for (int p = 0; p < length; p++) {
                out.add(Interaction.view("s" + s, "i" + it, t));
                t += 10;
                it = r.nextInt(10) < 8 ? Math.floorMod(it + step, items) : r.nextInt(items);
            }
        }
        return out;
    }

    static Path sessionData(String file) {
        String base = System.getProperty("retailgen.shared.data");
        Path p = base == null ? null : Path.of(base, "sessions", "yoochoose-100k", file);
        Assumptions.assumeTrue(p != null && Files.isRegularFile(p),
                "shared session data not found (system property retailgen.shared.data=" + base
                        + "); skipping the real-data test");
        return p;
    }

    /** A small GRU (16 units, no context embeddings, 2 epochs of Adam) that trains in about a second. */
    static RecommendTrainer.Builder tinyGru() {
        return RecommendTrainer.builder().hidden(16).contextDim(0).batch(16).negatives(32).epochs(2)
                .optimizer(RecommendTrainer.Optimizer.ADAM, 0.01f).dropout(0f).sessionKnn(20, 100).seed(7L);
    }
}
