package io.retailgen.recommend;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Not a test: a parameter sweep run by hand with {@code -Dtest=TuningHarness -Dretailgen.tune=...}. */
class TuningHarness {

    static Path data(String f) {
        return Path.of(System.getProperty("retailgen.shared.data", "../../shared/data"), "sessions", "yoochoose-100k", f);
    }

    @Test
    void knn() {
        SessionLog train = SessionLog.of(InteractionReader.readLenient(data("train_tr.tsv")).interactions());
        SessionLog test = SessionLog.of(InteractionReader.readLenient(data("train_valid.tsv")).interactions(), train.vocab);
        String spec = System.getProperty("retailgen.tune", "100,1000,1,1,0.25");
        for (String one : spec.split(";")) {
            String[] a = one.split(",");
            SessionKnn.Params p = new SessionKnn.Params(Integer.parseInt(a[0]), Integer.parseInt(a[1]),
                    Double.parseDouble(a[2]), Double.parseDouble(a[3]), Double.parseDouble(a[4]));
            long t0 = System.nanoTime();
            SessionKnn knn = new SessionKnn(train, p);
            Scores sc = new Scores(train.vocab.size());
            EvaluationResult r = NextItemProtocol.run(test, 20, (items, len) -> {
                sc.clear();
                knn.score(items, len, sc);
                return TopK.of(sc, 20, i -> true);
            }, null, null, train.vocab.size());
            System.out.println("KNN " + one + " -> " + r + " in " + (System.nanoTime() - t0) / 1e9 + " s");
        }
    }

    @Test
    void gru() {
        SessionLog train = SessionLog.of(InteractionReader.readLenient(data("train_tr.tsv")).interactions());
        SessionLog test = SessionLog.of(InteractionReader.readLenient(data("train_valid.tsv")).interactions(), train.vocab);
        String spec = System.getProperty("retailgen.gru", "100,0,64,1024,0.75,4,0.004");
        for (String one : spec.split(";")) {
            String[] a = one.split(",");
            GruTrainer.Params p = new GruTrainer.Params(Integer.parseInt(a[0]), Integer.parseInt(a[1]),
                    Integer.parseInt(a[2]), Integer.parseInt(a[3]), Double.parseDouble(a[4]), Integer.parseInt(a[5]),
                    Float.parseFloat(a[6]), 42);
            GruTrainer.Result res = new GruTrainer(p, new io.retailgen.core.train.TrainingListener() { }).train(train);
            GruWeightsData w = res.weights();
            Scores sc = new Scores(train.vocab.size());
            EvaluationResult r = NextItemProtocol.run(test, 20, (items, len) -> {
                sc.clear();
                float[] h = new float[w.hidden];
                for (int i = 0; i < len; i++) {
                    h = w.step(items[i], 0, 0, h);
                }
                w.addProbabilities(h, 1f, sc);
                return TopK.of(sc, 20, i -> true);
            }, null, null, train.vocab.size());
            System.out.println("GRU " + one + " -> " + r + " train " + res.seconds() + " s, "
                    + (res.events() / res.seconds()) + " ev/s");
        }
    }

    @Test
    void hybrid() {
        SessionLog train = SessionLog.of(InteractionReader.readLenient(data("train_tr.tsv")).interactions());
        SessionLog test = SessionLog.of(InteractionReader.readLenient(data("train_valid.tsv")).interactions(), train.vocab);
        String[] a = System.getProperty("retailgen.gru", "100,0,128,1024,0.75,4,0.004").split(",");
        GruTrainer.Params p = new GruTrainer.Params(Integer.parseInt(a[0]), Integer.parseInt(a[1]),
                Integer.parseInt(a[2]), Integer.parseInt(a[3]), Double.parseDouble(a[4]), Integer.parseInt(a[5]),
                Float.parseFloat(a[6]), 42);
        GruTrainer.Result res = new GruTrainer(p, new io.retailgen.core.train.TrainingListener() { }).train(train);
        System.out.println("GRU trained " + res.seconds() + " s, " + (res.events() / res.seconds()) + " ev/s");
        GruWeightsData w = res.weights();
        HybridRanker ranker = new HybridRanker(train.vocab, new SessionKnn(train, SessionKnn.Params.DEFAULT),
                CoOccurrence.of(train), Popularity.of(train, 0));
        String spec = System.getProperty("retailgen.mix", "1,0,0;0,1,0;0,0,1;1,1,0;1,1,0.3;0.5,1,0.3;1,0.5,0.3");
        for (String one : spec.split(";")) {
            String[] m = one.split(",");
            HybridWeights hw = new HybridWeights(Double.parseDouble(m[0]), Double.parseDouble(m[1]),
                    Double.parseDouble(m[2]), 0, 0);
            EvaluationResult r = NextItemProtocol.run(test, 20, (items, len) -> {
                float[] probs = null;
                if (hw.sequence() > 0) {
                    float[] h = new float[w.hidden];
                    for (int i = 0; i < len; i++) {
                        h = w.step(items[i], 0, 0, h);
                    }
                    Scores sc = new Scores(w.items);
                    w.addProbabilities(h, 1f, sc);
                    probs = sc.value;
                }
                var list = ranker.rank(items, len, probs, hw, 20, i -> true, null, null, 0);
                return list.stream().mapToInt(HybridRanker.Ranked::item).toArray();
            }, null, null, train.vocab.size());
            System.out.println("MIX " + one + " -> " + r);
        }
    }

    @Test
    void commands() {
        for (boolean seq : new boolean[] {false, true}) {
            RecommendCommands.EvaluateResult r = RecommendCommands.evaluate(data("train_tr.tsv"),
                    data("train_valid.tsv"), 20, null, TrainOptions.defaults().withSequenceModel(seq));
            System.out.println("EVAL sequenceModel=" + seq + " " + r.toJson());
        }
    }
}
