package io.retailgen.cli.recommend;

import io.retailgen.cli.InputMode;
import io.retailgen.cli.Json;
import io.retailgen.cli.OptionRanges;
import io.retailgen.cli.SparkOption;
import io.retailgen.cli.SparkRun;
import io.retailgen.recommend.EvaluationResult;
import io.retailgen.recommend.InteractionData;
import io.retailgen.recommend.InteractionReader;
import io.retailgen.recommend.RecommendTrainer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retailgen recommend evaluate --train F --test F --k 20 [--model DIR] --json}: trains (or loads) a model and
 * replays the test sessions with the next-item protocol.
 */
@Command(name = "evaluate", description = "Train on --train (or load --model) and replay --test with the next-item "
        + "protocol: Recall@K, MRR@K, NDCG@K, coverage, training speed and the latency of one recommend call.")
final class RecommendEvaluateCommand implements Callable<Integer> {

    @Option(names = "--train", description = "The training events file (needed unless --model is given).")
    Path train;

    @Option(names = "--test", required = true, description = "The test events file.")
    Path test;

    @Option(names = "--k", defaultValue = "20", description = "List length (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--model", description = "A model folder written by 'recommend train' (skips training).")
    Path model;

    @Option(names = "--epochs", description = "GRU epochs (default: the tuned setting).")
    Integer epochs;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    int seed;

    @Option(names = "--no-sequence-model", description = "Skip the GRU; kNN and co-occurrence only.")
    boolean noSequenceModel;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Replay the test sessions through sdk-spark on "
            + "this Spark master (local[2], spark://host:7077); training stays on this JVM. Spark must be on the "
            + "class path; adds spark_seconds.")
    String spark;

    @CommandLine.Mixin
    PrivacyOptions privacy = new PrivacyOptions();

    @CommandLine.Mixin
    InputMode input = new InputMode();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Reads an events file in the mode of {@code --lenient}, printing the skipped rows of a lenient read. */
    static InteractionData read(CommandLine cl, InputMode input, Path file) {
        InteractionData d = InteractionReader.builder().format(InteractionReader.Format.fromFileName(file))
                .strict(!input.lenient()).build().read(file);
        InputMode.printSkipped(cl.getErr(), d.report());
        return d;
    }

    static RecommendTrainer trainer(CommandLine cl, Integer epochs, int seed, boolean noSequenceModel,
            boolean quiet) {
        RecommendJson.singleThreadedTrainingByDefault();
        RecommendTrainer.Builder b = RecommendTrainer.builder().seed(seed).sequenceModel(!noSequenceModel)
                .listener(RecommendJson.progress(quiet));
        if (epochs != null) {
            b.epochs(OptionRanges.require(cl, "--epochs", epochs, 1, OptionRanges.MAX_EPOCHS));
        }
        String chosen = System.getProperty("ai.djl.pytorch.num_threads");
        if (chosen != null && chosen.trim().matches("[1-9][0-9]{0,3}")) {
            b.threads(Integer.parseInt(chosen.trim()));   // the user's -Dai.djl.pytorch.num_threads keeps working
        }
        return b.build();
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        OptionRanges.require(cl, "--k", k, 1, OptionRanges.MAX_LIST_LENGTH);
        if (model == null && train == null) {
            throw new CommandLine.ParameterException(cl, "give --train (to train a model) or --model (a saved one)");
        }
        if (model == null && !Files.isRegularFile(train)) {
            throw new CommandLine.ParameterException(cl, "--train: no such file: " + train);
        }
        if (!Files.isRegularFile(test)) {
            throw new CommandLine.ParameterException(cl, "--test: no such file: " + test);
        }
        if (model != null && !Files.isDirectory(model)) {
            throw new CommandLine.ParameterException(cl, "--model: no such folder: " + model);
        }
        if (spark != null) {
            SparkOption.require(cl, spark);
        }
        RecommendTrainer trainer = privacy.apply(cl, trainer(cl, epochs, seed, noSequenceModel, json), model != null,
                epochs != null);
        InteractionData trainData = model == null ? read(cl, input, train) : null;
        InteractionData testData = read(cl, input, test);
        PrintWriter w = cl.getOut();
        Map<String, Object> m;
        if (spark == null) {
            m = RecommendCommands.evaluate(trainData, testData, k, model, trainer).metrics();
        } else {
            m = RecommendCommands.evaluate(trainData, testData, k, model, trainer, (recs, test, listLength) -> {
                try (SparkRun run = SparkRun.start(spark, "retailgen recommend evaluate")) {
                    EvaluationResult r = run.recommendEvaluate(recs.toBundle(RecommendCommands.MODEL_NAME,
                            recs.version()), test, listLength);
                    return new RecommendCommands.Replay(r, run.seconds());
                }
            }).metrics();
        }
        if (!json) {
            m.forEach((key, v) -> w.println(key + " " + v));
        } else {
            Json.print(w, m);
        }
        w.flush();
        return 0;
    }
}
