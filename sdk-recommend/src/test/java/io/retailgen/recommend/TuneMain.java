package io.retailgen.recommend;

import java.nio.file.Path;

/** Not a test: tuning entry point run by hand (java -cp ... io.retailgen.recommend.TuneMain). */
final class TuneMain {
    private TuneMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(System.getProperty("retailgen.shared.data", "../shared/data"), "sessions", "yoochoose-100k");
        String trainF = System.getProperty("train", "train_tr.tsv");
        String testF = System.getProperty("test", "train_valid.tsv");
        InteractionData tr = InteractionReader.readLenient(dir.resolve(trainF));
        InteractionData te = InteractionReader.readLenient(dir.resolve(testF));
        if (System.getProperty("gru") != null) {
            gru(tr, te);
            return;
        }
        RecommendTrainer.Builder o = RecommendTrainer.builder()
                .sequenceModel(Boolean.parseBoolean(System.getProperty("seq", "true")));
        if (System.getProperty("opts") != null) {
            String[] a = System.getProperty("opts").split(",");
            o.hidden(Integer.parseInt(a[0])).batch(Integer.parseInt(a[1])).epochs(Integer.parseInt(a[2]))
                    .dropout(Float.parseFloat(a[4])).optimizer(a.length > 5 ? RecommendTrainer.Optimizer.valueOf(a[5])
                            : RecommendTrainer.Optimizer.ADAGRAD, Float.parseFloat(a[3]));
        }
        if (System.getProperty("knn") != null) {
            String[] a = System.getProperty("knn").split(",");
            o.sessionKnn(Integer.parseInt(a[0]), Integer.parseInt(a[1]));
        }
        long t0 = System.nanoTime();
        String cached = System.getProperty("model");
        RecommendModel m;
        if (cached != null && java.nio.file.Files.isDirectory(Path.of(cached))) {
            m = RecommendModel.fromBundle(io.retailgen.core.bundle.ModelBundle.load(Path.of(cached)));
        } else {
            m = o.build().train(tr);
            if (cached != null) {
                m.toBundle("recommend", m.version()).saveTo(Path.of(cached));
            }
        }
        System.out.printf("trained in %.1f s, %.0f ev/s%n", (System.nanoTime() - t0) / 1e9, m.trainEvents() / m.trainSeconds());
        for (String mix : System.getProperty("mix", "0.5,1,0.3").split(";")) {
            String[] a = mix.split(",");
            HybridWeights w = new HybridWeights(Double.parseDouble(a[0]), Double.parseDouble(a[1]),
                    Double.parseDouble(a[2]), a.length > 3 ? Double.parseDouble(a[3]) : 0, 0, 0);
            long t1 = System.nanoTime();
            EvaluationResult r = NextItemEvaluation.evaluate(Recommender.builder().weights(w), m, te, 20, true);
            System.out.printf("MIX %s -> %s (%.1f s)%n", mix, r, (System.nanoTime() - t1) / 1e9);
        }
    }

    static void gru(InteractionData tr, InteractionData te) {
        SessionLog train = SessionLog.of(tr.interactions());
        SessionLog test = SessionLog.of(te.interactions(), train.vocab);
        for (String one : System.getProperty("gru").split(";")) {
            String[] a = one.split(",");
            GruTrainer.Params p = new GruTrainer.Params(Integer.parseInt(a[0]), 0,
                    Integer.parseInt(a[1]), Integer.parseInt(a[2]), Double.parseDouble(a[3]), Integer.parseInt(a[4]),
                    Float.parseFloat(a[5]), 42, a.length > 6 ? Float.parseFloat(a[6]) : 0f,
                    a.length > 7 ? Integer.parseInt(a[7]) : 10_000, a.length > 8 && a[8].equals("adagrad")
                            ? RecommendTrainer.Optimizer.ADAGRAD : RecommendTrainer.Optimizer.ADAM);
            GruTrainer.Result res = new GruTrainer(p, new io.retailgen.core.train.TrainingListener() { }).train(train);
            GruWeightsData w = res.weights();
            Scores sc = new Scores(train.vocab.size());
            EvaluationResult r = NextItemProtocol.run(test, 20, (session, items, len) -> {
                sc.clear();
                float[] h = new float[w.hidden];
                for (int i = 0; i < len; i++) {
                    h = w.step(items[i], 0, 0, h);
                }
                w.addProbabilities(h, 1f, sc);
                return TopK.of(sc, 20, i -> true);
            }, null, null, train.vocab.size());
            System.out.printf("GRU %s -> %s train %.1f s %.0f ev/s%n", one, r, res.seconds(), res.events() / res.seconds());
        }
    }
}
