package io.retailgen.cli.recommend;

import io.retailgen.core.train.ConsoleProgressBar;
import io.retailgen.core.train.TrainingListener;

/** Output helpers shared by the recommend subcommands. */
final class RecommendJson {
    private RecommendJson() {
    }

    /**
     * Runs PyTorch's operators on one thread unless the user chose otherwise ({@code -Dai.djl.pytorch.num_threads}
     * or {@code OMP_NUM_THREADS}). The GRU's operators are small; with two threads on a busy 2-core machine OpenMP's
     * waiting made training 8-10 times slower than with one (measured, see docs/recommend.md). Takes effect when the
     * engine starts, i.e. before the first training in this JVM.
     */
    static void singleThreadedTrainingByDefault() {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null && System.getenv("OMP_NUM_THREADS") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
            if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
                System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            }
        }
    }

    /** Progress of the sequence model on standard error (never on standard output, which carries the result). */
    static TrainingListener progress(boolean quiet) {
        return quiet ? new TrainingListener() { } : ConsoleProgressBar.create();
    }
}
