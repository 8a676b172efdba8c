package io.retailgen.benchmarks.recommend;

import io.retailgen.core.data.DataReport;
import io.retailgen.core.data.ValidationMode;
import io.retailgen.recommend.EvaluationResult;
import io.retailgen.recommend.EventContext;
import io.retailgen.recommend.EventType;
import io.retailgen.recommend.HybridWeights;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.InteractionData;
import io.retailgen.recommend.InteractionReader;
import io.retailgen.recommend.NextItemEvaluation;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.RecommendTrainer;
import io.retailgen.recommend.Recommender;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What the context embeddings are worth: trains the recommender twice with the same seed, without context
 * embeddings ({@code contextDim(0)}) and with them ({@code contextDim(8)}), and replays a held-out split with the
 * next-item protocol through {@link Recommender}, each click observed in its context and each request made in the
 * context of the click it predicts. Prints HR@10 (recall) and MRR@10 of the GRU alone and of the default hybrid.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.recommend.ContextEffect \
 *     yoochoose ../shared/data/sessions/yoochoose-100k 12
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.recommend.ContextEffect generated - 12
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.recommend.ContextEffect generated - 12 ADAM 0.01 0
 * </pre>
 * (arguments: {@code yoochoose} with the folder of {@code train_tr.tsv} and {@code train_valid.tsv}, whose only
 * context is the hour of day (UTC) of each click's time stamp; or {@code generated}: sessions whose direction
 * through the catalog depends on the device; then the epochs; optionally the optimizer, its learning rate and the
 * dropout, otherwise the trainer's defaults).
 */
public final class ContextEffect {

    private static final int K = 10;
    private static final long SEED = 42L;

    private ContextEffect() {
    }

    /** @param args the data set ({@code yoochoose} or {@code generated}), its folder, the epochs [, optimizer, lr, dropout] */
    public static void main(String[] args) {
        boolean real = args[0].equals("yoochoose");
        int epochs = Integer.parseInt(args[2]);
        InteractionData train;
        InteractionData test;
        if (real) {
            Path dir = Path.of(args[1]);
            train = withHourOfDay(InteractionReader.readLenient(dir.resolve("train_tr.tsv")));
            test = withHourOfDay(InteractionReader.readLenient(dir.resolve("train_valid.tsv")));
        } else {
            train = generated(3000, 11);
            test = generated(600, 12);
        }
        RecommendTrainer.Builder base = RecommendTrainer.builder().epochs(epochs).seed(SEED).threads(1);
        if (args.length > 5) {
            base.optimizer(RecommendTrainer.Optimizer.valueOf(args[3]), Float.parseFloat(args[4]))
                    .dropout(Float.parseFloat(args[5]));
        }
        System.out.printf(Locale.ROOT, "%s: %d training clicks, %d test clicks, %s, k %d%n",
                real ? "YooChoose train_tr -> train_valid, hour of day from the time stamps" : "generated",
                train.interactions().size(), test.interactions().size(), base.build(), K);
        for (int dim : new int[] {0, 8}) {
            RecommendModel model = base.contextDim(dim).build().train(train);
            EvaluationResult gru = NextItemEvaluation.evaluate(Recommender.builder()
                    .weights(new HybridWeights(1, 0, 0, 0, 0, 0)), model, test, K, true);
            EvaluationResult hybrid = NextItemEvaluation.evaluate(Recommender.builder(), model, test, K, true);
            System.out.printf(Locale.ROOT, "contextDim %d (context embeddings %s, trained in %.0f s): GRU alone "
                    + "HR@%d %.4f MRR@%d %.4f; hybrid HR@%d %.4f MRR@%d %.4f (%d predictions)%n", dim,
                    model.hasContextEmbeddings(), model.trainSeconds(), K, gru.recall(), K, gru.mrr(), K,
                    hybrid.recall(), K, hybrid.mrr(), gru.predictions());
        }
    }

    private static InteractionData withHourOfDay(InteractionData d) {
        List<Interaction> out = new ArrayList<>(d.interactions().size());
        for (Interaction e : d.interactions()) {
            int hour = Instant.ofEpochMilli((long) (e.timestamp() * 1000)).atZone(ZoneOffset.UTC).getHour();
            out.add(new Interaction(e.sessionId(), e.itemId(), e.timestamp(), e.type(),
                    new EventContext(e.context().deviceType(), hour, e.context().locale())));
        }
        return new InteractionData(out, d.report());
    }

    /**
     * Generated sessions over 500 items: on mobile a shopper usually steps to the next item up, on desktop to the
     * next one down (70%), otherwise jumps anywhere; lengths 2 to 10.
     */
    private static InteractionData generated(int sessions, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Interaction> out = new ArrayList<>();
        int items = 500;
        double t = 1_700_000_000;
        for (int s = 0; s < sessions; s++) {
            boolean mobile = r.nextBoolean();
            EventContext c = new EventContext(mobile ? "mobile" : "desktop", -1, "");
            int it = r.nextInt(items);
            int length = 2 + r.nextInt(9);
            for (int p = 0; p < length; p++) {
                out.add(new Interaction(seed + "-" + s, "i" + it, t, EventType.VIEW, c));
                t += 30;
                it = r.nextInt(10) < 7 ? Math.floorMod(it + (mobile ? 1 : -1), items) : r.nextInt(items);
            }
        }
        return new InteractionData(out, new DataReport("generated", ValidationMode.STRICT, out.size(), 0, List.of()));
    }
}
