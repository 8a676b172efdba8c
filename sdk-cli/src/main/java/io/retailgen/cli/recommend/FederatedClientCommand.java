package io.retailgen.cli.recommend;

import io.retailgen.cli.InputMode;
import io.retailgen.cli.OptionRanges;
import io.retailgen.federated.FederatedModel;
import io.retailgen.federated.GrpcStoreServer;
import io.retailgen.federated.Personalisation;
import io.retailgen.federated.StoreClient;
import io.retailgen.recommend.FederatedGru;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.RecommendModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retailgen federated client --id S --events F --catalog F --cert PEM --key PEM [--port P]}: one store. Its
 * events stay in this process; it serves the coordinator over gRPC with TLS until stopped. With
 * {@code --personalise-epochs N --out DIR} it adapts the final shared weights, once the coordinator sends them after
 * the last round, on its own events and writes its own model to {@code DIR}; nothing of that leaves the process.
 */
@Command(name = "client", description = "Serve one store to a federated coordinator over gRPC with TLS; the store's "
        + "events never leave this process. Runs until stopped.")
final class FederatedClientCommand implements Callable<Integer> {

    @Option(names = "--id", required = true, description = "The store's id.")
    String id;

    @Option(names = "--events", required = true, description = "The store's events file.")
    Path events;

    @CommandLine.Mixin
    FederatedModelOptions model = new FederatedModelOptions();

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: "
            + "${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "0", description = "Port (default: any free one, printed).")
    int port;

    @Option(names = "--cert", required = true, description = "The store's TLS certificate chain (PEM).")
    Path cert;

    @Option(names = "--key", required = true, description = "The certificate's private key (PKCS#8 PEM).")
    Path key;

    @Option(names = "--prox", defaultValue = "0", description = "FedProx's proximal weight mu (default: "
            + "${DEFAULT-VALUE}).")
    double prox;

    @Option(names = "--clip", defaultValue = "0", description = "Client-level DP: clip each update to this L2 norm "
            + "(the coordinator's --clip; default ${DEFAULT-VALUE}, no clipping).")
    double clip;

    @CommandLine.Mixin
    RowWeightingOptions rowWeighting = new RowWeightingOptions();

    @CommandLine.Mixin
    PersonaliseOptions personalise = new PersonaliseOptions();

    @Option(names = "--out", description = "With --personalise-epochs: the folder to write the store's own model to "
            + "once the coordinator sends the final shared weights.")
    Path out;

    @CommandLine.Mixin
    InputMode input = new InputMode();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandLine cl = spec.commandLine();
        OptionRanges.require(cl, "--port", port, 0, 65_535);
        for (Path p : List.of(events, cert, key)) {
            if (!Files.isRegularFile(p)) {
                throw new CommandLine.ParameterException(cl, "no such file: " + p);
            }
        }
        if (!(prox >= 0) || !(clip >= 0) || Double.isInfinite(prox) || Double.isInfinite(clip)) {
            throw new CommandLine.ParameterException(cl, "--prox and --clip must be finite numbers >= 0, were " + prox
                    + " and " + clip);
        }
        StorePersonalisation.Settings personal = personalise.settings(cl);
        if ((personal == null) != (out == null)) {
            throw new CommandLine.ParameterException(cl, personal == null ? "--out needs --personalise-epochs N"
                    : "--personalise-epochs needs --out DIR (where the store's own model is written)");
        }
        RecommendJson.singleThreadedTrainingByDefault();
        FederatedGru gru = model.gru(cl, clip > 0);
        List<Interaction> own = RecommendEvaluateCommand.read(cl, input, events).interactions();
        StoreClient<List<Interaction>> store = new StoreClient<>(id, own, FederatedModel.of(gru), prox, clip,
                rowWeighting.on(cl, clip > 0));
        PrintWriter w = cl.getOut();
        if (personal != null) {
            Personalisation<List<Interaction>> adapt = personal.personalisation(model.trainer(clip > 0), model.catalog(cl));
            store.sharedWeights().thenAcceptAsync(shared -> writeOwnModel(w, cl.getErr(), gru, store, shared, adapt,
                    personal.ownSessions() ? own : List.of()));
        }
        try (GrpcStoreServer server = GrpcStoreServer.start(store, host, port, cert, key)) {
            w.println("store " + id + " (" + Math.round(store.updateWeight()) + " events) listening on " + host + ":"
                    + server.port());
            w.flush();
            server.awaitTermination();
        }
        return 0;
    }

    /** Adapts the final shared weights on the store's own sessions and writes the store's own model to --out. */
    private void writeOwnModel(PrintWriter w, PrintWriter err, FederatedGru gru, StoreClient<List<Interaction>> store,
            float[] shared, Personalisation<List<Interaction>> adapt, List<Interaction> served) {
        try (RecommendModel m = gru.model(store.personalised(shared, adapt), null, served)) {
            m.toBundle(RecommendCommands.MODEL_NAME, m.version()).saveTo(out);
            synchronized (w) {
                w.println("store " + id + ": own model written to " + out);
                w.flush();
            }
        } catch (RuntimeException e) {
            synchronized (err) {
                err.println("store " + id + ": could not write its own model to " + out + ": " + e.getMessage());
                err.flush();
            }
        }
    }
}
