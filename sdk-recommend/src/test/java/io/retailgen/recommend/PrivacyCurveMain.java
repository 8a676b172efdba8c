package io.retailgen.recommend;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Not a test: the privacy/utility curve of DP-SGD on the YooChoose sample, run by hand
 * ({@code java -cp ... io.retailgen.recommend.PrivacyCurveMain}). For each entry of {@code -Dcurve} ({@code none} or an
 * epsilon) it trains on {@code -Dtrain}, replays {@code -Dtest} and prints recall@20, MRR@20 and the training time.
 * The non-private model is also scored on the signals a private model keeps (GRU and the shopper's own recent clicks:
 * weights 1,0,0,1), which is the like-for-like reference, and ({@code gru+live}) as a private model is scored: its GRU
 * without the training sessions, with the default serving weights, so that session kNN and co-occurrence read only the
 * test sessions replayed so far. Options: {@code -Depochs} (all entries), {@code -DdpEpochs}
 * (private entries), {@code -Dlr},
 * {@code -Dopt=ADAGRAD|ADAM}, {@code -DsessionsPerStep}, {@code -Dclip}, {@code -Ddropout}, {@code -DdpHidden},
 * {@code -Dema} (averaging decay), {@code -DclipShare} (item table's share under per-layer clipping), {@code -DmaxLen}
 * (clicks per session) (private entries), {@code -Dseed} (all entries). Diagnostics after training: {@code
 * -Dblend=s:k:c:r;...} scores a private model, and the non-private one, again with those serving weights;
 * {@code -DoracleMinSessions=m,...} scores a private model
 * with the items seen in fewer than m training sessions left out of the sequence model's scores (raw counts, so not a
 * private model: it only sizes what a private vocabulary selection could gain). Besides wall time it prints the
 * training thread's CPU time (PyTorch runs with one intra-op thread, in the calling thread), which a loaded machine distorts
 * far less, and the CPU time per epoch relative to the non-private entry's.
 */
final class PrivacyCurveMain {
    private PrivacyCurveMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(System.getProperty("retailgen.shared.data", "../shared/data"), "sessions", "yoochoose-100k");
        InteractionData tr = InteractionReader.readLenient(dir.resolve(System.getProperty("train", "train_tr.tsv")));
        InteractionData te = InteractionReader.readLenient(dir.resolve(System.getProperty("test", "train_valid.tsv")));
        double baseSeconds = Double.NaN;
        double baseCpu = Double.NaN;
        int baseEpochs = 1;
        for (String entry : System.getProperty("curve", "none;8;3;1").split(";")) {
            RecommendTrainer.Builder b = RecommendTrainer.builder();
            if (System.getProperty("epochs") != null) {
                b.epochs(Integer.parseInt(System.getProperty("epochs")));
            }
            if (System.getProperty("seed") != null) {
                b.seed(Long.parseLong(System.getProperty("seed")));
            }
            boolean dp = !entry.equals("none");
            if (dp && System.getProperty("dpEpochs") != null) {
                b.epochs(Integer.parseInt(System.getProperty("dpEpochs")));
            }
            if (dp) {
                if (System.getProperty("dpHidden") != null) {
                    b.hidden(Integer.parseInt(System.getProperty("dpHidden")));
                }
                if (System.getProperty("dropout") != null) {
                    b.dropout(Float.parseFloat(System.getProperty("dropout")));
                }
                String lr = System.getProperty("lr");
                if (lr != null) {
                    b.optimizer(RecommendTrainer.Optimizer.valueOf(System.getProperty("opt", "ADAGRAD")),
                            Float.parseFloat(lr));
                }
                PrivateTraining.Builder dpb = PrivateTraining.builder().epsilon(Double.parseDouble(entry))
                        .clipNorm(Double.parseDouble(System.getProperty("clip", "1")));
                if (System.getProperty("maxLen") != null) {
                    dpb.maxSessionLength(Integer.parseInt(System.getProperty("maxLen")));
                }
                if (System.getProperty("clipShare") != null) {
                    dpb.itemTableClipShare(Double.parseDouble(System.getProperty("clipShare")));
                }
                if (System.getProperty("ema") != null) {
                    dpb.averagingDecay(Double.parseDouble(System.getProperty("ema")));
                }
                if (System.getProperty("sessionsPerStep") != null) {
                    dpb.sessionsPerStep(Integer.parseInt(System.getProperty("sessionsPerStep")));
                }
                b.privacy(dpb.build());
            }
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = cpu.getCurrentThreadCpuTime();
            RecommendTrainer trainer = b.build();
            int epochs = trainer.epochs();
            if (!dp) {
                baseEpochs = epochs;
            }
            try (RecommendModel m = trainer.train(tr)) {
                double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e9;
                EvaluationResult r = NextItemEvaluation.evaluate(m, te, 20);
                if (!dp) {
                    baseSeconds = m.trainSeconds();
                    baseCpu = cpuSeconds;
                    EvaluationResult g = NextItemEvaluation.evaluate(Recommender.builder()
                            .weights(new HybridWeights(1, 0, 0, 1, 0, 0)), m, te, 20, true);
                    System.out.printf(Locale.ROOT, "CURVE none gru+recent recall@20 %.4f mrr@20 %.4f%n",
                            g.recall(), g.mrr());
                    // the same GRU without its training sessions, scored as a private model is: default serving
                    // weights, kNN and co-occurrence reading only the sessions replayed so far
                    try (RecommendModel w = RecommendModel.ofWeights(m.weights, m.log.vocab, m.settings, null,
                            m.trainSeconds(), 0)) {
                        EvaluationResult live = NextItemEvaluation.evaluate(w, te, 20);
                        System.out.printf(Locale.ROOT, "CURVE none gru+live recall@20 %.4f mrr@20 %.4f%n",
                                live.recall(), live.mrr());
                    }
                }
                if (dp && System.getProperty("oracleMinSessions") != null) {
                    // diagnostic only (reads raw counts, not private): how much would leaving items seen in few
                    // training sessions out of the sequence model's scores gain?
                    SessionLog trLog = SessionLog.of(tr.interactions(), m.log.vocab);
                    int[] sessionsOf = new int[m.log.vocab.size()];
                    for (int s = 0; s < trLog.sessionCount(); s++) {
                        java.util.Set<Integer> seen = new java.util.HashSet<>();
                        for (int c = 0; c < trLog.length(s); c++) {
                            seen.add(trLog.items[trLog.start[s] + c]);
                        }
                        for (int it : seen) {
                            sessionsOf[it]++;
                        }
                    }
                    for (String ms : System.getProperty("oracleMinSessions").split(",")) {
                        int min = Integer.parseInt(ms);
                        GruWeightsData w = m.weights;
                        float[] bias = w.outBias.clone();
                        int cut = 0;
                        for (int i = 0; i < bias.length; i++) {
                            if (sessionsOf[i] < min) {
                                bias[i] = -30f;
                                cut++;
                            }
                        }
                        GruWeightsData cutW = new GruWeightsData(w.items, w.hidden, w.contextDim, w.embedding, bias,
                                w.deviceEmb, w.hourEmb, w.wIh, w.wHh, w.bIh, w.bHh);
                        try (RecommendModel o = RecommendModel.ofWeights(cutW, m.log.vocab, m.settings,
                                m.privacy().orElse(null), m.trainSeconds(), 0)) {
                            EvaluationResult g = NextItemEvaluation.evaluate(o, te, 20);
                            System.out.printf(Locale.ROOT, "CURVE %s oracle min %d sessions (%d items cut) recall@20"
                                    + " %.4f mrr@20 %.4f%n", entry, min, cut, g.recall(), g.mrr());
                        }
                    }
                }
                if (System.getProperty("blend") != null) {
                    // serving blends sequence:knn:co-occurrence:recent (kNN and co-occurrence of a private model
                    // see only the live sessions of the replay); the non-private model is scored with the same
                    // blends, so that a blend chosen for the private model is also measured for the reference
                    for (String bw : System.getProperty("blend").split(";")) {
                        String[] f = bw.split(":");
                        EvaluationResult g = NextItemEvaluation.evaluate(Recommender.builder().weights(
                                new HybridWeights(Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                                        Double.parseDouble(f[2]), Double.parseDouble(f[3]), 0, 0)), m, te, 20, true);
                        System.out.printf(Locale.ROOT, "CURVE %s blend %s recall@20 %.4f mrr@20 %.4f%n", entry, bw,
                                g.recall(), g.mrr());
                    }
                }
                System.out.printf(Locale.ROOT, "CURVE %s %s recall@20 %.4f mrr@20 %.4f train %.1f s ratio %.2f"
                        + " cpu %.1f s (%.2f s per epoch, per-epoch ratio %.2f)%s%n",
                        entry, dp ? "private" : "hybrid", r.recall(), r.mrr(), m.trainSeconds(),
                        m.trainSeconds() / baseSeconds, cpuSeconds, cpuSeconds / epochs,
                        cpuSeconds / epochs / (baseCpu / baseEpochs), m.privacy().map(p -> String.format(Locale.ROOT,
                                " epsilon %.3f delta %.1e sigma %.3f q %.4f steps %d", p.epsilon(), p.delta(),
                                p.noiseMultiplier(), p.samplingRate(), p.steps())).orElse(""));
            }
        }
    }
}
