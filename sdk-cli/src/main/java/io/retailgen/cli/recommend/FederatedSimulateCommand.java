package io.retailgen.cli.recommend;

import io.retailgen.cli.InputMode;
import io.retailgen.cli.Json;
import io.retailgen.cli.OptionRanges;
import io.retailgen.core.data.DataValidator;
import io.retailgen.federated.Coordinator;
import io.retailgen.federated.FederatedModel;
import io.retailgen.federated.FederatedRun;
import io.retailgen.federated.StoreClient;
import io.retailgen.federated.StoreSplit;
import io.retailgen.recommend.EvaluationResult;
import io.retailgen.recommend.FederatedGru;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.InteractionData;
import io.retailgen.recommend.NextItemEvaluation;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.RecommendTrainer;
import io.retailgen.recommend.TrainingPrivacy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retailgen federated simulate --clients 10 [--epsilon E] [--skewed] --train F --test F --k 20 --json}: splits
 * the training sessions across simulated stores, runs federated rounds in this process through the same coordinator,
 * masking and store code as a multi-process run, and replays the test sessions against the global model. The JSON
 * has the keys of {@code recommend evaluate} plus {@code rounds} and {@code bytes_per_client_round} (and
 * {@code epsilon} and {@code delta} with {@code --epsilon}).
 *
 * <p>With {@code --personalise-epochs N} every store then adapts the final shared weights on its own sessions and
 * scores the test sessions assigned to it by the rule of the training split ({@link StorePersonalisation}); the
 * figures are then those of the stores' own models over all test sessions, the shared model's under {@code shared_}
 * keys, plus {@code personalised}, {@code guarantee} and the settings.
 *
 * <p>{@code --model demand --data aus-retail.csv [--horizon 12] [--paths 500]} trains the DeepAR-style demand model
 * instead, each state a store, and compares it with the same network trained centrally
 * ({@link FederatedDemandSimulation}).
 */
@Command(name = "simulate", description = "Simulate federated training across --clients stores in one process and "
        + "evaluate the global model like 'recommend evaluate'; with --model demand, train the demand model across "
        + "the states of --data and compare it with central training.")
final class FederatedSimulateCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "recommender", description = "recommender (the session GRU, "
            + "--train split across --clients stores) or demand (the DeepAR-style demand model, each state of --data "
            + "a store) (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--data", description = "--model demand: the series, in aus-retail's layout (State, Industry, "
            + "Month, Turnover).")
    Path data;

    @Option(names = "--horizon", defaultValue = "12", description = "--model demand: periods held out at the end of "
            + "every series and forecast (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--paths", defaultValue = "500", description = "--model demand: scenario paths per series "
            + "(default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--batch", defaultValue = "128", description = "--model demand: training windows per step, in "
            + "a state's local training and in the central training alike (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--clients", defaultValue = "10", description = "Stores (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--skewed", description = "Split sessions unevenly (store s gets a share proportional to "
            + "1/(s+1)) instead of evenly.")
    boolean skewed;

    @CommandLine.Mixin
    ClientPrivacyOptions clientPrivacy = new ClientPrivacyOptions();

    @CommandLine.Mixin
    ServerOptimiserOptions serverOptimiser = new ServerOptimiserOptions();

    @Option(names = "--rounds", defaultValue = "6", description = "Federated rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--local-epochs", defaultValue = FederatedModelOptions.DEFAULT_LOCAL_EPOCHS, description = "GRU "
            + "epochs each store trains per round (default: ${DEFAULT-VALUE}).")
    int localEpochs;

    @Option(names = "--prox", defaultValue = "0", description = "FedProx's proximal weight mu (default: "
            + "${DEFAULT-VALUE}, plain FedAvg).")
    double prox;

    @CommandLine.Mixin
    RowWeightingOptions rowWeighting = new RowWeightingOptions();

    @CommandLine.Mixin
    PersonaliseOptions personalise = new PersonaliseOptions();

    @Option(names = "--train", description = "The training events, split across the stores (required for the "
            + "recommender).")
    Path train;

    @Option(names = "--test", description = "The test events (required for the recommender).")
    Path test;

    @Option(names = "--k", defaultValue = "20", description = "List length (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Mixin
    InputMode input = new InputMode();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        OptionRanges.require(cl, "--k", k, 1, OptionRanges.MAX_LIST_LENGTH);
        OptionRanges.require(cl, "--clients", clients, 2, 10_000);
        OptionRanges.require(cl, "--rounds", rounds, 1, OptionRanges.MAX_EPOCHS);
        OptionRanges.require(cl, "--local-epochs", localEpochs, 1, OptionRanges.MAX_EPOCHS);
        if (!(prox >= 0) || Double.isInfinite(prox)) {
            throw new CommandLine.ParameterException(cl, "--prox must be a finite number >= 0, was " + prox);
        }
        Coordinator.Builder cb = coordinatorSettings(cl);
        switch (model) {
            case "recommender" -> {
                return recommender(cl, cb);
            }
            case "demand" -> {
                return demand(cl, cb);
            }
            default -> throw new CommandLine.ParameterException(cl, "--model must be recommender or demand, was '"
                    + model + "'");
        }
    }

    private Integer demand(CommandLine cl, Coordinator.Builder cb) {
        for (String recommenderOnly : List.of("--clients", "--skewed", "--train", "--test", "--k", "--row-weighting",
                "--personalise-epochs", "--personalise-lr", "--personalise-global-share", "--personalise-own-sessions",
                "--no-personalise-own-sessions")) {
            if (cl.getParseResult().hasMatchedOption(recommenderOnly)) {
                throw new CommandLine.ParameterException(cl, recommenderOnly + " does not apply to --model demand "
                        + "(each state of --data is a store; the last --horizon periods are the test)");
            }
        }
        if (data == null) {
            throw new CommandLine.ParameterException(cl, "--model demand needs --data F (aus-retail's layout)");
        }
        if (!Files.isRegularFile(data)) {
            throw new CommandLine.ParameterException(cl, "no such file: " + data);
        }
        OptionRanges.require(cl, "--horizon", horizon, 1, 1_000);
        OptionRanges.require(cl, "--paths", paths, 1, 100_000);
        OptionRanges.require(cl, "--batch", batch, 1, 65_536);
        RecommendJson.singleThreadedTrainingByDefault();
        FederatedDemandSimulation sim = new FederatedDemandSimulation(horizon, rounds, localEpochs, batch, prox, paths,
                seed);
        DataValidator validator = input.validator(data.toString());
        FederatedDemandSimulation.Split split = sim.split(data, validator);
        InputMode.printSkipped(cl.getErr(), validator.report());
        print(cl, sim.run(split, cb.build()));
        return 0;
    }

    private void print(CommandLine cl, Map<String, Object> m) {
        PrintWriter w = cl.getOut();
        if (json) {
            Json.print(w, m);
        } else {
            m.forEach((key, v) -> w.println(key + " " + v));
        }
        w.flush();
    }

    private Integer recommender(CommandLine cl, Coordinator.Builder cb) {
        StorePersonalisation.Settings personal = personalise.settings(cl);
        Federation f = federate(cl, cb);
        try (RecommendModel model = f.gru().model(f.run().weights(), f.privacy())) {
            EvaluationResult r = NextItemEvaluation.evaluate(model, f.test(), k);
            double events = (double) f.train().interactions().size() * localEpochs * f.run().rounds();
            Map<String, Object> m = new RecommendCommands.EvaluateResult(r, model.version(), f.run().seconds(),
                    f.run().seconds() > 0 ? events / f.run().seconds() : 0, f.privacy()).metrics();
            m.put("rounds", f.run().rounds());
            m.put("bytes_per_client_round", Math.round(f.run().bytesPerStoreRound()));
            if (personal != null) {
                m = personalised(cl, m, personal, f);
            }
            print(cl, m);
        }
        return 0;
    }

    /**
     * A finished federated run of the recommender and what the stores hold.
     *
     * @param trainer the GRU settings of the stores' local training
     * @param catalog the shared catalog
     * @param gru the model shape
     * @param stores the stores, in split order
     * @param parts each store's training events
     * @param run the run
     * @param privacy the shared model's client-level DP, or null
     * @param train all training events
     * @param test the test events
     */
    record Federation(RecommendTrainer trainer, List<String> catalog, FederatedGru gru,
            List<StoreClient<List<Interaction>>> stores, List<List<Interaction>> parts, FederatedRun run,
            TrainingPrivacy privacy, InteractionData train, InteractionData test) {
    }

    /** Checks the recommender's options, splits --train across the stores and runs the rounds. */
    Federation federate(CommandLine cl, Coordinator.Builder cb) {
        for (String demandOnly : List.of("--data", "--horizon", "--paths", "--batch")) {
            if (cl.getParseResult().hasMatchedOption(demandOnly)) {
                throw new CommandLine.ParameterException(cl, demandOnly + " applies only to --model demand");
            }
        }
        if (train == null || test == null) {
            throw new CommandLine.ParameterException(cl, "--model recommender needs --train F and --test F");
        }
        for (Path p : List.of(train, test)) {
            if (!Files.isRegularFile(p)) {
                throw new CommandLine.ParameterException(cl, "no such file: " + p);
            }
        }
        RecommendJson.singleThreadedTrainingByDefault();
        InteractionData trainData = RecommendEvaluateCommand.read(cl, input, train);
        InteractionData testData = RecommendEvaluateCommand.read(cl, input, test);
        RecommendTrainer trainer = FederatedModelOptions.localTrainer(seed, localEpochs, clientPrivacy.on());
        Set<String> items = new LinkedHashSet<>();
        for (Interaction e : trainData.interactions()) {
            items.add(e.itemId());
        }
        List<String> catalog = new ArrayList<>(items);
        FederatedGru gru = FederatedGru.of(trainer, catalog);
        boolean rows = rowWeighting.on(cl, clientPrivacy.on());
        Coordinator coordinator = rowWeighting.build(cl, cb, clientPrivacy.on(), FederatedModel.of(gru));
        List<StoreClient<List<Interaction>>> stores = new ArrayList<>();
        List<List<Interaction>> parts = StoreSplit.split(trainData.interactions(), clients, skewed, seed);
        for (int s = 0; s < parts.size(); s++) {
            stores.add(new StoreClient<>("store-" + s, parts.get(s), FederatedModel.of(gru), prox,
                    coordinator.clipNorm(), rows));
        }
        FederatedRun run = coordinator.run(gru.initialWeights(), stores);
        TrainingPrivacy privacy = coordinator.clientPrivacy() ? new TrainingPrivacy(run.epsilon(), run.delta(),
                run.noiseMultiplier(), 1.0, rounds, coordinator.clipNorm()) : null;
        return new Federation(trainer, catalog, gru, stores, parts, run, privacy, trainData, testData);
    }

    /** @return the test events assigned to each store by the rule of the training split */
    List<List<Interaction>> testParts(Federation f) {
        return StoreSplit.split(f.test().interactions(), clients, skewed, seed);
    }

    /** @return the coordinator's settings from the options (rounds, seed, client-level DP, server optimiser) */
    Coordinator.Builder coordinatorSettings(CommandLine cl) {
        Coordinator.Builder cb = Coordinator.builder().rounds(rounds).seed(seed);
        clientPrivacy.apply(cl, cb);
        serverOptimiser.apply(cl, cb);
        return cb;
    }

    /**
     * The figures of the stores' own models over the test sessions, each scored by the store the even (or skewed)
     * split assigns it to, in place of the shared model's, which move to {@code shared_} keys.
     */
    private Map<String, Object> personalised(CommandLine cl, Map<String, Object> shared,
            StorePersonalisation.Settings personal, Federation f) {
        StorePersonalisation.Outcome o;
        try {
            o = StorePersonalisation.evaluate(f.gru(), f.run().weights(), personal.personalisation(f.trainer(),
                    f.catalog()), personal.ownSessions(), f.privacy(), f.stores(), f.parts(), testParts(f), k,
                    cl.getErr());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--personalise-epochs: " + e.getMessage());
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>(o.result().asMap());
        for (Map.Entry<String, Object> e : shared.entrySet()) {
            if (!m.containsKey(e.getKey())) {
                m.put(e.getKey(), e.getValue());
            }
        }
        m.put("personalised", true);
        m.put("guarantee", f.privacy() != null ? PersonaliseOptions.JOINT_DP : "none");
        m.put("personalise_epochs", personal.epochs());
        m.put("personalise_lr", Math.round(personal.learningRate() * 1e6) / 1e6);
        m.put("personalise_global_share", personal.globalShare());
        m.put("personalise_own_sessions", personal.ownSessions());
        m.put("personalise_seconds", Math.round(o.seconds() * 1000) / 1000.0);
        m.put("stores_scored", o.storesScored());
        m.put("test_sessions_per_store", o.testSessions());
        m.put("shared_recall@" + k, shared.get("recall@" + k));
        m.put("shared_mrr@" + k, shared.get("mrr@" + k));
        return m;
    }
}
