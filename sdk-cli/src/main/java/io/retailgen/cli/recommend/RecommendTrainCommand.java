package io.retailgen.cli.recommend;

import io.retailgen.cli.InputMode;
import io.retailgen.cli.Json;
import io.retailgen.recommend.RecommendTrainer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retailgen recommend train --events F --out DIR}: trains a model and saves it as a bundle. */
@Command(name = "train", description = "Train a session recommender (GRU sequence model, session kNN, "
        + "co-occurrence) from an events file (session TSV, CSV or JSON Lines) and save it to a folder.")
final class RecommendTrainCommand implements Callable<Integer> {

    @Option(names = "--events", required = true, description = "The events file (.tsv, .csv, .jsonl).")
    Path events;

    @Option(names = "--out", required = true, description = "The model folder to write.")
    Path out;

    @Option(names = "--epochs", description = "GRU epochs (default: the tuned setting).")
    Integer epochs;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    int seed;

    @Option(names = "--no-sequence-model", description = "Skip the GRU; kNN and co-occurrence only.")
    boolean noSequenceModel;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Mixin
    InputMode input = new InputMode();

    @CommandLine.Mixin
    PrivacyOptions privacy = new PrivacyOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(events)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--events: no such file: " + events);
        }
        RecommendJson.singleThreadedTrainingByDefault();
        RecommendTrainer trainer = privacy.apply(spec.commandLine(), RecommendEvaluateCommand.trainer(
                spec.commandLine(), epochs, seed, noSequenceModel, json), false, epochs != null);
        PrintWriter w = spec.commandLine().getOut();
        RecommendCommands.TrainResult r = RecommendCommands.train(
                RecommendEvaluateCommand.read(spec.commandLine(), input, events), out, trainer);
        if (!json) {
            w.println(String.format(Locale.ROOT, "trained model %s: %,d items, %,d sessions, %,d events "
                    + "(%,d rows skipped) in %.1f s (%,.0f events/s)", r.modelVersion(), r.items(), r.sessions(),
                    r.events(), r.skippedRows(), r.trainSeconds(), r.trainEventsPerSecond()));
            w.println("saved to " + r.modelDir());
        }
        if (json) {
            Map<String, Object> m = r.metrics();
            Json.print(w, m);
        }
        w.flush();
        return 0;
    }
}
