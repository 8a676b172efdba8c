package io.retailgen.cli.recommend;

import io.retailgen.federated.Personalisation;
import io.retailgen.recommend.EvaluationResult;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.NextItemEvaluation;
import io.retailgen.recommend.RecommendModel;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Runs one federated simulation (the arguments of {@code federated simulate} for the recommender) and then scores
 * several ways of serving the stores' shoppers from it, each test session by its own store, for tuning and for the
 * baselines of docs/BENCHMARKS.md. {@code -Dserve="a;b;..."}, each one of
 * <ul>
 *   <li>{@code shared} or {@code shared+own}: every store serves the final shared weights (with its own sessions);
 *   <li>{@code ft:E:LR:A[:own]}: every store fine-tunes the shared weights for E epochs at Adagrad rate LR and
 *       interpolates with share A of the shared weights (with its own sessions);
 *   <li>{@code local:E:LR[:own]}: every store trains alone from the starting weights (no federation).
 * </ul>
 * The shared model over all test sessions in one recommender (what {@code federated simulate} prints) comes first.
 */
public final class PersonalisationCurveMain {

    private PersonalisationCurveMain() {
    }

    public static void main(String[] args) {
        FederatedSimulateCommand cmd = new FederatedSimulateCommand();
        CommandLine cl = new CommandLine(cmd);
        cl.parseArgs(args);
        PrintWriter out = new PrintWriter(System.out, true);
        long t0 = System.nanoTime();
        FederatedSimulateCommand.Federation f = cmd.federate(cl, cmd.coordinatorSettings(cl));
        out.printf(Locale.ROOT, "federated run %.1f s, epsilon %s%n", (System.nanoTime() - t0) / 1e9,
                f.privacy() == null ? "none" : f.privacy().epsilon());
        try (RecommendModel model = f.gru().model(f.run().weights(), f.privacy())) {
            report(out, "shared model, one recommender for all test sessions",
                    NextItemEvaluation.evaluate(model, f.test(), cmd.k), 0);
        }
        List<List<Interaction>> testParts = cmd.testParts(f);
        for (String spec : System.getProperty("serve", "shared").split(";")) {
            String[] p = spec.trim().split(":");
            boolean own = p[p.length - 1].equals("own") || p[0].equals("shared+own");
            float[] start = f.run().weights();
            Personalisation<List<Interaction>> adapt = null;
            switch (p[0]) {
                case "shared", "shared+own" -> { }
                case "ft" -> adapt = new StorePersonalisation.Settings(Integer.parseInt(p[1]), Float.parseFloat(p[2]),
                        Double.parseDouble(p[3]), own).personalisation(f.trainer(), f.catalog());
                case "local" -> {
                    start = f.gru().initialWeights();
                    adapt = new StorePersonalisation.Settings(Integer.parseInt(p[1]), Float.parseFloat(p[2]), 0,
                            own).personalisation(f.trainer(), f.catalog());
                }
                default -> throw new IllegalArgumentException("unknown serving " + spec);
            }
            StorePersonalisation.Outcome o = StorePersonalisation.evaluate(f.gru(), start, adapt, own, f.privacy(),
                    f.stores(), f.parts(), testParts, cmd.k, new PrintWriter(System.err, true));
            report(out, spec.trim() + " (stores scored " + o.storesScored() + ", test sessions " + o.testSessions()
                    + ")", o.result(), o.seconds());
        }
    }

    private static void report(PrintWriter out, String what, EvaluationResult r, double seconds) {
        out.printf(Locale.ROOT, "%-60s recall@%d %.4f mrr@%d %.4f predictions %d adapt %.1f s%n", what, r.k(),
                r.recall(), r.k(), r.mrr(), r.predictions(), seconds);
    }
}
