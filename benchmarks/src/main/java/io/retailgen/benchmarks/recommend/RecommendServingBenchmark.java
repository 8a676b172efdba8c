package io.retailgen.benchmarks.recommend;

import io.retailgen.recommend.EventContext;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.Recommendation;
import io.retailgen.recommend.Recommender;
import io.retailgen.recommend.RecommendTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serving cost of the session recommender on a 50,000-item synthetic catalog: one operation is one new click of a
 * live session ({@code observe}) followed by one {@code recommend(session, 20)} call, which runs one GRU step through
 * ONNX Runtime (scores for all 50,000 items), session kNN over the training sessions, co-occurrence and the blend.
 * Each benchmark thread walks its own sessions of up to 12 clicks, then starts a new session.
 *
 * <p>The model is trained in the setup on generated sessions (200,000 clicks over 50,000 items, one GRU epoch); its
 * accuracy is irrelevant here, only the shapes matter. Run with {@code -bm sample} for percentiles and
 * {@code -t 1}/{@code -t 2} for throughput per thread count.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RecommendServingBenchmark {
    static final int ITEMS = 50_000;
    static final int CLICKS = 200_000;

    private Recommender recommender;
    private final AtomicInteger threadIds = new AtomicInteger();

    @Setup(Level.Trial)
    public void setUp() {
        List<Interaction> events = synthetic(new SplittableRandom(11));
        RecommendModel model = RecommendTrainer.builder().epochs(1).batch(256).build().train(events);
        recommender = Recommender.builder().model(model).build();
    }

    /** Sessions that drift through the catalog: mostly nearby items, sometimes a jump; popularity is skewed. */
    static List<Interaction> synthetic(SplittableRandom r) {
        List<Interaction> out = new ArrayList<>(CLICKS + 16);
        double t = 1_400_000_000;
        int s = 0;
        while (out.size() < CLICKS) {
            int len = 2 + r.nextInt(10);
            int item = skewed(r);
            for (int i = 0; i < len; i++) {
                out.add(Interaction.view("s" + s, "i" + item, t));
                t += 1 + r.nextInt(60);
                item = r.nextInt(4) == 0 ? skewed(r) : Math.floorMod(item + r.nextInt(21) - 10, ITEMS);
            }
            s++;
        }
        return out;
    }

    private static int skewed(SplittableRandom r) {
        double u = r.nextDouble();
        return (int) Math.min(ITEMS - 1, Math.floor(ITEMS * u * u * u));
    }

    /** Per-thread session walk. */
    @State(Scope.Thread)
    public static class Walk {
        SplittableRandom rnd;
        String prefix;
        int session;
        int clicks;
        int item;

        @Setup(Level.Trial)
        public void setUp(RecommendServingBenchmark b) {
            int id = b.threadIds.incrementAndGet();
            rnd = new SplittableRandom(100 + id);
            prefix = "bench-" + id + "-";
        }

        String nextClick(Recommender rec) {
            if (clicks == 0 || clicks >= 12) {
                session++;
                clicks = 0;
                item = skewed(rnd);
            } else {
                item = rnd.nextInt(4) == 0 ? skewed(rnd) : Math.floorMod(item + rnd.nextInt(21) - 10, ITEMS);
            }
            clicks++;
            String sid = prefix + session;
            rec.observe(Interaction.view(sid, "i" + item, 0));
            return sid;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        recommender.close();
    }

    @Benchmark
    public List<Recommendation> oneClickRecommend(Walk w) {
        String sid = w.nextClick(recommender);
        return recommender.recommend(sid, 20, EventContext.NONE);
    }
}
