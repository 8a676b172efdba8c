package io.retailgen.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Not a test: where one recommend call spends its time on a 50,000-item catalog (run by hand). */
final class ServingProbe {
    private ServingProbe() {
    }

    static int skewed(SplittableRandom r, int n) {
        double u = r.nextDouble();
        return (int) Math.min(n - 1, Math.floor(n * u * u * u));
    }

    public static void main(String[] args) {
        int n = 50_000;
        SplittableRandom r = new SplittableRandom(11);
        List<Interaction> out = new ArrayList<>();
        double t = 1_400_000_000;
        int s = 0;
        while (out.size() < 200_000) {
            int len = 2 + r.nextInt(10);
            int item = skewed(r, n);
            for (int i = 0; i < len; i++) {
                out.add(Interaction.view("s" + s, "i" + item, t));
                t += 1 + r.nextInt(60);
                item = r.nextInt(4) == 0 ? skewed(r, n) : Math.floorMod(item + r.nextInt(21) - 10, n);
            }
            s++;
        }
        RecommendModel m = RecommendTrainer.builder().epochs(1).batch(256).build().train(out);
        DefaultRecommender rec = (DefaultRecommender) Recommender.builder().model(m).build();
        DefaultRecommender.Engine e = rec.engineForProbe();
        SessionKnn knn = e.ranker.knn();
        CoOccurrence co = e.ranker.coOccurrence();
        Scores sc = new Scores(m.itemCount());
        for (int round = 0; round < 3; round++) {
            long tGru = 0;
            long tSeq = 0;
            long tKnn = 0;
            long tCo = 0;
            long tAll = 0;
            int reps = 3000;
            SplittableRandom q = new SplittableRandom(round);
            for (int i = 0; i < reps; i++) {
                int[] sess = new int[5];
                for (int j = 0; j < 5; j++) {
                    sess[j] = m.log.vocab.indexOf("i" + skewed(q, n));
                    if (sess[j] < 0) {
                        sess[j] = 0;
                    }
                }
                long a = System.nanoTime();
                DefaultRecommender.SessionState st = new DefaultRecommender.SessionState();
                e.step(new float[e.hidden], sess[4], 0, 0, true, st);
                long b = System.nanoTime();
                st.sequence(e.ranker);
                long c = System.nanoTime();
                sc.clear();
                knn.score(sess, 5, sc);
                long d = System.nanoTime();
                sc.clear();
                co.score(sess, 5, 3, sc);
                long f = System.nanoTime();
                String sid = "p" + round + "-" + i;
                for (int j = 0; j < 5; j++) {
                    rec.observe(Interaction.view(sid, m.log.vocab.id(sess[j]), 0));
                }
                long g = System.nanoTime();
                rec.recommend(sid, 20, EventContext.NONE);
                long h = System.nanoTime();
                tGru += b - a;
                tSeq += c - b;
                tKnn += d - c;
                tCo += f - d;
                tAll += h - g;
            }
            System.out.printf("round %d: gru step %.0f us, seq candidates %.0f us, knn %.0f us, co %.0f us, "
                    + "recommend (5 GRU steps, fresh session) %.0f us%n", round, tGru / 1e3 / reps, tSeq / 1e3 / reps,
                    tKnn / 1e3 / reps, tCo / 1e3 / reps, tAll / 1e3 / reps);
        }
        // one new click of a live session (observe + recommend), as in RecommendServingBenchmark: wall and CPU time
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        SplittableRandom w = new SplittableRandom(101);
        for (int round = 0; round < 3; round++) {
            int reps = 5000;
            long[] wall = new long[reps];
            long[] cpu = new long[reps];
            int clicks = 0;
            int item = 0;
            int session = 0;
            for (int i = 0; i < reps; i++) {
                if (clicks == 0 || clicks >= 12) {
                    session++;
                    clicks = 0;
                    item = skewed(w, n);
                } else {
                    item = w.nextInt(4) == 0 ? skewed(w, n) : Math.floorMod(item + w.nextInt(21) - 10, n);
                }
                clicks++;
                String sid = "walk" + round + "-" + session;
                long c0 = mx.getCurrentThreadCpuTime();
                long a = System.nanoTime();
                rec.observe(Interaction.view(sid, "i" + item, 0));
                rec.recommend(sid, 20, EventContext.NONE);
                wall[i] = System.nanoTime() - a;
                cpu[i] = mx.getCurrentThreadCpuTime() - c0;
            }
            java.util.Arrays.sort(wall);
            java.util.Arrays.sort(cpu);
            System.out.printf("one click: wall p50 %.0f us p99 %.0f us; thread CPU p50 %.0f us p99 %.0f us%n",
                    wall[reps / 2] / 1e3, wall[reps * 99 / 100] / 1e3, cpu[reps / 2] / 1e3, cpu[reps * 99 / 100] / 1e3);
        }
        rec.close();
    }
}
