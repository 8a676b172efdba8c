package io.retailgen.cli.recommend;

import io.retailgen.cli.InputMode;
import io.retailgen.cli.Json;
import io.retailgen.cli.OptionRanges;
import io.retailgen.federated.Coordinator;
import io.retailgen.federated.FederatedModel;
import io.retailgen.federated.FederatedRun;
import io.retailgen.federated.GrpcStoreChannel;
import io.retailgen.recommend.EvaluationResult;
import io.retailgen.recommend.FederatedGru;
import io.retailgen.recommend.NextItemEvaluation;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.TrainingPrivacy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retailgen federated coordinator --stores H:P,H:P --ca PEM --catalog F --out DIR [--rounds R] [--epsilon E]
 * [--test F --k 20] --json}: runs federated rounds against stores started with {@code federated client}, saves the
 * global model, and optionally evaluates it.
 */
@Command(name = "coordinator", description = "Run federated rounds against stores started with 'federated client' "
        + "(gRPC with TLS), save the global model, and optionally evaluate it on --test.")
final class FederatedCoordinatorCommand implements Callable<Integer> {

    @Option(names = "--stores", required = true, split = ",", description = "The stores, as host:port, "
            + "comma-separated.")
    List<String> stores;

    @Option(names = "--ca", required = true, description = "The certificate authority the stores' certificates "
            + "chain to (PEM).")
    Path ca;

    @CommandLine.Mixin
    FederatedModelOptions model = new FederatedModelOptions();

    @Option(names = "--rounds", defaultValue = "6", description = "Rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @CommandLine.Mixin
    ClientPrivacyOptions clientPrivacy = new ClientPrivacyOptions();

    @CommandLine.Mixin
    ServerOptimiserOptions serverOptimiser = new ServerOptimiserOptions();

    @CommandLine.Mixin
    RowWeightingOptions rowWeighting = new RowWeightingOptions();

    @Option(names = "--call-timeout", defaultValue = "3600", description = "Seconds one store call (its local "
            + "training included) may take before the store counts as dropped (default: ${DEFAULT-VALUE}).")
    long callTimeout;

    @Option(names = "--out", required = true, description = "The model folder to write.")
    Path out;

    @Option(names = "--test", description = "Test events to evaluate the global model on.")
    Path test;

    @Option(names = "--k", defaultValue = "20", description = "List length (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Mixin
    InputMode input = new InputMode();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        OptionRanges.require(cl, "--rounds", rounds, 1, OptionRanges.MAX_EPOCHS);
        OptionRanges.require(cl, "--k", k, 1, OptionRanges.MAX_LIST_LENGTH);
        OptionRanges.require(cl, "--call-timeout", callTimeout, 1, 86_400);
        if (!Files.isRegularFile(ca)) {
            throw new CommandLine.ParameterException(cl, "--ca: no such file: " + ca);
        }
        if (test != null && !Files.isRegularFile(test)) {
            throw new CommandLine.ParameterException(cl, "--test: no such file: " + test);
        }
        Coordinator.Builder cb = Coordinator.builder().rounds(rounds).seed(model.seed);
        clientPrivacy.apply(cl, cb);
        serverOptimiser.apply(cl, cb);
        FederatedGru gru = model.gru(cl, clientPrivacy.on());
        List<GrpcStoreChannel> channels = new ArrayList<>();
        try {
            for (String s : stores) {
                int colon = s.lastIndexOf(':');
                if (colon <= 0 || !s.substring(colon + 1).matches("[0-9]{1,5}")) {
                    throw new CommandLine.ParameterException(cl, "--stores: expected host:port, got '" + s + "'");
                }
                channels.add(GrpcStoreChannel.connect(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)),
                        ca, callTimeout));
            }
            if (channels.size() < 2) {
                throw new CommandLine.ParameterException(cl, "--stores: need at least 2 stores");
            }
            Coordinator coordinator = rowWeighting.build(cl, cb, clientPrivacy.on(), FederatedModel.of(gru));
            FederatedRun run = coordinator.run(gru.initialWeights(), channels);
            TrainingPrivacy privacy = coordinator.clientPrivacy() ? new TrainingPrivacy(run.epsilon(), run.delta(),
                    run.noiseMultiplier(), 1.0, rounds, coordinator.clipNorm()) : null;
            try (RecommendModel m = gru.model(run.weights(), privacy)) {
                m.toBundle(RecommendCommands.MODEL_NAME, m.version()).saveTo(out);
                Map<String, Object> metrics = new LinkedHashMap<>();
                if (test != null) {
                    EvaluationResult r = NextItemEvaluation.evaluate(m,
                            RecommendEvaluateCommand.read(cl, input, test), k);
                    metrics.putAll(new RecommendCommands.EvaluateResult(r, m.version(), run.seconds(), 0, privacy)
                            .metrics());
                } else {
                    metrics.put("model_version", m.version());
                    RecommendCommands.putPrivacy(metrics, privacy);
                }
                metrics.put("model_dir", out.toString());
                metrics.put("rounds", run.rounds());
                metrics.put("skipped_rounds", run.skippedRounds());
                metrics.put("dropped_stores", run.droppedStores());
                metrics.put("bytes_per_client_round", Math.round(run.bytesPerStoreRound()));
                PrintWriter w = cl.getOut();
                if (json) {
                    Json.print(w, metrics);
                } else {
                    metrics.forEach((key, v) -> w.println(key + " " + v));
                }
                w.flush();
            }
        } finally {
            channels.forEach(GrpcStoreChannel::close);
        }
        return 0;
    }
}
