package io.retailgen.cli.recommend;

import static io.retailgen.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.cli.CliRun;
import io.retailgen.testing.TinySessions;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FederatedCommandTest {

    @Test
    void simulatePrintsTheKeysOfRecommendEvaluatePlusRoundsAndBytes(@TempDir Path dir) throws Exception {
        Path train = TinySessions.write(dir.resolve("train.tsv"), 300, 40, 1);
        Path test = TinySessions.write(dir.resolve("test.tsv"), 60, 40, 2);
        CliRun central = run("recommend", "evaluate", "--train", train.toString(), "--test", test.toString(), "--k",
                "10", "--epochs", "1", "--json");
        CliRun fed = run("federated", "simulate", "--clients", "3", "--rounds", "2", "--local-epochs", "1",
                "--train", train.toString(), "--test", test.toString(), "--k", "10", "--json");
        assertThat(fed.code()).as(fed.err()).isZero();
        assertThat(central.code()).as(central.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode fj = fed.json();
        central.json().fieldNames().forEachRemaining(k -> assertThat(fj.has(k)).as(k).isTrue());
        assertThat(fed.json().get("rounds").asInt()).isEqualTo(2);
        // a store sends its 44-byte public key and one 8-byte value per weight plus its weight
        long bytes = fed.json().get("bytes_per_client_round").asLong();
        assertThat(bytes).isGreaterThan(8L * 40 * 64);
        assertThat(fed.json().get("recall@10").asDouble()).isBetween(0.0, 1.0);
        assertThat(fed.json().has("epsilon")).isFalse();

        CliRun dp = run("federated", "simulate", "--clients", "3", "--rounds", "2", "--local-epochs", "1",
                "--skewed", "--epsilon", "8", "--train", train.toString(), "--test", test.toString(), "--json");
        assertThat(dp.code()).as(dp.err()).isZero();
        assertThat(dp.json().get("epsilon").asDouble()).isBetween(7.5, 8.0);
        assertThat(dp.json().get("delta").asDouble()).isEqualTo(1e-5);

        CliRun bad = run("federated", "simulate", "--clients", "1", "--train", train.toString(), "--test",
                test.toString());
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("--clients must be >= 2");
    }

    @Test
    void storesTrainFourLocalEpochsPerRoundByDefaultAndTheServerOptimiserIsChecked() {
        FederatedSimulateCommand simulate = new FederatedSimulateCommand();
        new picocli.CommandLine(simulate).parseArgs("--train", "a.tsv", "--test", "b.tsv");
        assertThat(simulate.localEpochs).isEqualTo(4);
        assertThat(simulate.serverOptimiser.optimiser).isEqualTo("fedavg");
        assertThat(simulate.serverOptimiser.learningRate(io.retailgen.federated.Coordinator.ServerOptimiser.FEDAVG))
                .isEqualTo(1.0);
        assertThat(simulate.serverOptimiser.learningRate(io.retailgen.federated.Coordinator.ServerOptimiser.FEDADAM))
                .isEqualTo(ServerOptimiserOptions.ADAPTIVE_DEFAULT_LR);
        assertThat(simulate.rowWeighting.rowWeighting).isTrue();
        assertThat(simulate.serverOptimiser.momentum).isZero();
        FederatedModelOptions model = new FederatedModelOptions();
        new picocli.CommandLine(model).parseArgs("--catalog", "items.txt");
        assertThat(model.localEpochs).isEqualTo(4);

        CliRun bad = run("federated", "simulate", "--server-momentum", "1", "--train", "a.tsv", "--test", "b.tsv");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("--server-momentum must be in [0, 1), was 1.0");
        CliRun badKind = run("federated", "simulate", "--server-optimiser", "sgd", "--train", "a.tsv", "--test",
                "b.tsv");
        assertThat(badKind.err()).contains("--server-optimiser must be fedavg, fedadagrad, fedadam or fedyogi, "
                + "was 'sgd'");
        CliRun adamMomentum = run("federated", "simulate", "--server-optimiser", "fedadam", "--server-momentum", "0.5",
                "--train", "a.tsv", "--test", "b.tsv");
        assertThat(adamMomentum.err()).contains("--server-momentum applies to --server-optimiser fedavg only");
    }

    @Test
    void rowWeightingSendsOneCountPerItemAndIsRefusedWithClientLevelPrivacy(@TempDir Path dir) throws Exception {
        Path train = TinySessions.write(dir.resolve("train.tsv"), 300, 40, 1);
        Path test = TinySessions.write(dir.resolve("test.tsv"), 60, 40, 2);
        long items = Files.readAllLines(train).stream().skip(1).map(l -> l.split("\t")[1]).distinct().count();
        String[] common = {"federated", "simulate", "--clients", "3", "--rounds", "1", "--local-epochs", "1",
            "--train", train.toString(), "--test", test.toString(), "--k", "10", "--json"};
        CliRun rows = run(common);
        String[] plainArgs = java.util.Arrays.copyOf(common, common.length + 1);
        plainArgs[common.length] = "--no-row-weighting";
        CliRun plain = run(plainArgs);
        assertThat(rows.code()).as(rows.err()).isZero();
        assertThat(plain.code()).as(plain.err()).isZero();
        // the counts travel as one more 8-byte value per catalog item
        assertThat(rows.json().get("bytes_per_client_round").asLong()
                - plain.json().get("bytes_per_client_round").asLong()).isEqualTo(8 * items);
        assertThat(rows.json().get("recall@10").asDouble()).isNotEqualTo(plain.json().get("recall@10").asDouble());
        CliRun dp = run("federated", "simulate", "--row-weighting", "--epsilon", "8", "--train", train.toString(),
                "--test", test.toString());
        assertThat(dp.code()).isNotZero();
        assertThat(dp.err()).contains("--row-weighting cannot be combined with client-level DP");
    }

    /** An aus-retail-layout file: states x industries, monthly, with a season and a level per series. */
    static Path ausRetailLike(Path file, int states, int industries, int months) throws Exception {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        StringBuilder csv = new StringBuilder("\"State\",\"Industry\",\"Series ID\",\"Month\",\"Turnover\"\n");
        for (int s = 0; s < states; s++) {
            for (int i = 0; i < industries; i++) {
                double level = 10 + 90 * r.nextDouble();
                for (int t = 0; t < months; t++) {
                    double y = level * (1 + 0.2 * Math.sin(2 * Math.PI * t / 12)) * Math.exp(0.05 * r.nextGaussian());
                    csv.append(String.format(java.util.Locale.ROOT, "\"State %d\",\"Industry %d\",\"S%d-%d\","
                            + "\"%d-%02d\",%.1f%n", s, i, s, i, 2000 + t / 12, t % 12 + 1, y));
                }
            }
        }
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void simulateTrainsTheDemandModelAcrossStatesAndAgainstCentralTraining(@TempDir Path dir) throws Exception {
        Path data = ausRetailLike(dir.resolve("retail.csv"), 3, 2, 60);
        CliRun fed = run("federated", "simulate", "--model", "demand", "--data", data.toString(), "--rounds", "2",
                "--local-epochs", "1", "--horizon", "6", "--paths", "50", "--json");
        assertThat(fed.code()).as(fed.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode j = fed.json();
        assertThat(j.get("stores").asInt()).isEqualTo(3);
        assertThat(j.get("series").asInt()).isEqualTo(6);
        assertThat(j.get("rounds").asInt()).isEqualTo(2);
        assertThat(j.get("centralised_epochs").asInt()).isEqualTo(2);
        assertThat(j.get("batch").asInt()).isEqualTo(128);
        // a state sends its key and one 8-byte value per weight plus its weight
        assertThat(j.get("bytes_per_client_round").asLong()).isGreaterThan(8L * j.get("weights").asLong());
        // two epochs on 252 windows train little, so only the kind of value is checked here; BENCHMARKS has the
        // accuracy on real data
        for (String k : List.of("crps", "centralised_crps", "mase", "centralised_mase")) {
            assertThat(j.get(k).isNumber()).as(k).isTrue();
            assertThat(j.get(k).asDouble()).as(k).isPositive().isFinite();
        }
        assertThat(j.get("coverage_95").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("centralised_coverage_95").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.has("epsilon")).isFalse();

        CliRun dp = run("federated", "simulate", "--model", "demand", "--data", data.toString(), "--rounds", "2",
                "--local-epochs", "1", "--horizon", "6", "--paths", "50", "--epsilon", "8", "--json");
        assertThat(dp.code()).as(dp.err()).isZero();
        assertThat(dp.json().get("epsilon").asDouble()).isBetween(7.5, 8.0);
        assertThat(dp.json().get("noise_multiplier").asDouble()).isPositive();

        CliRun clients = run("federated", "simulate", "--model", "demand", "--data", data.toString(), "--clients",
                "4");
        assertThat(clients.code()).isNotZero();
        assertThat(clients.err()).contains("--clients does not apply to --model demand");
        CliRun noData = run("federated", "simulate", "--model", "demand");
        assertThat(noData.err()).contains("--model demand needs --data");
        CliRun noTrain = run("federated", "simulate", "--test", data.toString());
        assertThat(noTrain.err()).contains("--model recommender needs --train F and --test F");
        CliRun batch = run("federated", "simulate", "--batch", "16", "--train", data.toString(), "--test",
                data.toString());
        assertThat(batch.err()).contains("--batch applies only to --model demand");
        CliRun unknown = run("federated", "simulate", "--model", "weather", "--data", data.toString());
        assertThat(unknown.err()).contains("--model must be recommender or demand, was 'weather'");
        CliRun shortSeries = run("federated", "simulate", "--model", "demand", "--data", data.toString(),
                "--horizon", "50");
        assertThat(shortSeries.code()).isNotZero();
        assertThat(shortSeries.err()).contains("has 60 periods").doesNotContain("Exception");
    }

    /** A self-signed certificate for 127.0.0.1 made with the JDK's keytool, as PEM files (certificate, key). */
    private static Path[] certificate(Path dir) throws Exception {
        Path store = dir.resolve("store.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "store", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=federated-test", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype",
                "PKCS12", "-keystore", store.toString(), "-storepass", "changeit").inheritIO().start();
        assertThat(p.waitFor()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path cert = Files.writeString(dir.resolve("store.crt"), "-----BEGIN CERTIFICATE-----\n"
                + b64.encodeToString(ks.getCertificate("store").getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Path key = Files.writeString(dir.resolve("store.key"), "-----BEGIN PRIVATE KEY-----\n"
                + b64.encodeToString(ks.getKey("store", "changeit".toCharArray()).getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return new Path[] {cert, key};
    }

    @Test
    void coordinatorAndClientCommandsTrainOverTls(@TempDir Path dir) throws Exception {
        Path[] tls = certificate(dir);
        Path catalog = Files.write(dir.resolve("items.txt"), IntStream.rangeClosed(1, 40).mapToObj(Integer::toString)
                .toList());
        Path test = TinySessions.write(dir.resolve("test.tsv"), 60, 40, 2);
        List<String> addresses = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Path events = TinySessions.write(dir.resolve("store" + s + ".tsv"), 150, 40, 10 + s);
            List<String> client = new ArrayList<>(List.of("federated", "client", "--id", "store-" + s, "--events",
                    events.toString(), "--catalog", catalog.toString(), "--local-epochs", "1", "--port",
                    Integer.toString(port), "--cert", tls[0].toString(), "--key", tls[1].toString()));
            if (s == 0) {
                // store 0 serves its own shoppers with its own model, adapted from the final shared weights
                client.addAll(List.of("--personalise-epochs", "1", "--out", dir.resolve("store-0-model").toString()));
            }
            String[] args = client.toArray(String[]::new);
            Thread t = new Thread(() -> run(args), "store-" + s);
            t.setDaemon(true);
            t.start();
            addresses.add("127.0.0.1:" + port);
            long until = System.currentTimeMillis() + 120_000;
            while (true) {
                try {
                    new Socket("127.0.0.1", port).close();
                    break;
                } catch (java.io.IOException notYet) {
                    assertThat(System.currentTimeMillis()).as("store %d listening", s).isLessThan(until);
                    Thread.sleep(200);
                }
            }
        }
        CliRun c = run("federated", "coordinator", "--stores", String.join(",", addresses), "--ca", tls[0].toString(),
                "--catalog", catalog.toString(), "--local-epochs", "1", "--rounds", "2", "--out",
                dir.resolve("model").toString(), "--test", test.toString(), "--k", "10", "--json");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.json().get("rounds").asInt()).isEqualTo(2);
        assertThat(c.json().get("dropped_stores").asInt()).isZero();
        assertThat(c.json().get("recall@10").asDouble()).isBetween(0.0, 1.0);
        assertThat(dir.resolve("model").resolve("model.onnx")).exists();
        Path own = dir.resolve("store-0-model").resolve("model.onnx");
        long until = System.currentTimeMillis() + 120_000;
        while (!Files.exists(own) && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        assertThat(own).as("store 0's own model, written after the final weights arrived").exists();
        assertThat(Files.readAllBytes(own))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("model").resolve("model.onnx")));
        assertThat(dir.resolve("store-1-model")).doesNotExist();
        CliRun noOut = run("federated", "client", "--id", "x", "--events", test.toString(), "--catalog",
                catalog.toString(), "--cert", tls[0].toString(), "--key", tls[1].toString(), "--personalise-epochs",
                "1");
        assertThat(noOut.code()).isNotZero();
        assertThat(noOut.err()).contains("--personalise-epochs needs --out DIR");
        CliRun bad = run("federated", "coordinator", "--stores", "nohost", "--ca", tls[0].toString(), "--catalog",
                catalog.toString(), "--out", dir.resolve("m2").toString());
        assertThat(bad.err()).contains("expected host:port, got 'nohost'");
    }
}
