package io.retailgen.benchmarks.recommend;

import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.InteractionReader;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.RecommendTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * GRU training speed inside a host JVM for several PyTorch thread counts: trains the recommender's sequence model
 * with {@link RecommendTrainer.Builder#threads(int)}, the counts alternated over the rounds, in one JVM that sets nothing
 * (no {@code -Dai.djl.pytorch.num_threads}, no {@code TrainingEngine.configureJvm}), as an application server would.
 * The first training of the JVM is a warm-up and not reported.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.recommend.TrainingThreads \
 *     ../shared/data/sessions/yoochoose-100k/train_tr.tsv 3 1,2 3
 * </pre>
 * (arguments: the sessions file, epochs, the thread counts, the rounds).
 */
public final class TrainingThreads {

    private TrainingThreads() {
    }

    /**
     * @param args the sessions file, epochs, comma-separated thread counts, rounds
     */
    public static void main(String[] args) {
        List<Interaction> events = InteractionReader.readLenient(Path.of(args[0])).interactions();
        int epochs = Integer.parseInt(args[1]);
        String[] counts = args[2].split(",");
        int rounds = Integer.parseInt(args[3]);
        RecommendTrainer base = RecommendTrainer.builder().epochs(epochs).build();
        base.toBuilder().epochs(1).threads(Integer.parseInt(counts[0])).build().train(events);
        for (int r = 0; r < rounds; r++) {
            for (String c : counts) {
                int threads = Integer.parseInt(c.trim());
                RecommendModel m = base.toBuilder().threads(threads).build().train(events);
                String line = String.format(Locale.ROOT, "round %d, threads %d: %.0f training events/s (%.1f s)", r + 1,
                        threads, m.trainEvents() / m.trainSeconds(), m.trainSeconds());
                System.out.println(line);
            }
        }
        System.out.println(events.size() + " events, " + epochs + " epochs, " + Runtime.getRuntime()
                .availableProcessors() + " processors");
    }
}
