package io.retailgen.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.retailgen.recommend.Interaction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores in their own JVMs behind gRPC with TLS on 127.0.0.1, against the same run in one process. */
class GrpcTransportTest {

    @Test
    void storesInTheirOwnJvmsOverTlsGiveTheSameModelAsInOneProcess(@TempDir Path dir) throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        List<Process> processes = new ArrayList<>();
        List<GrpcStoreChannel> channels = new ArrayList<>();
        List<StoreClient<List<Interaction>>> local = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                String id = "store-" + i;
                List<Interaction> events = SecureAggregationTest.ring(id, 10 + 5 * i, 12, i);
                Path file = dir.resolve(id + ".tsv");
                StringBuilder tsv = new StringBuilder("SessionId\tItemId\tTime\n");
                for (Interaction e : events) {
                    tsv.append(e.sessionId()).append('\t').append(e.itemId()).append('\t')
                            .append((long) e.timestamp()).append('\n');
                }
                Files.writeString(file, tsv);
                local.add(new StoreClient<>(id, events, FederatedModel.of(SecureAggregationTest.tinyGru()), 0, 0));
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-cp",
                        System.getProperty("java.class.path"), StoreProcessMain.class.getName(), id, file.toString(),
                        certs.certificate().toString(), certs.privateKey().toString())
                        .redirectError(dir.resolve(id + ".log").toFile()).start();
                processes.add(p);
            }
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                Path log = dir.resolve("store-" + i + ".log");
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8));
                String line = out.readLine();
                assertThat(line).as("store process output; its log: %s", Files.exists(log) ? Files.readString(log)
                        : "none").startsWith("PORT ");
                channels.add(GrpcStoreChannel.connect("127.0.0.1", Integer.parseInt(line.substring(5)),
                        certs.certificate(), 600));
            }
            assertThat(channels).extracting(GrpcStoreChannel::id).containsExactly("store-0", "store-1", "store-2");
            float[] start = SecureAggregationTest.tinyGru().initialWeights();
            FederatedRun remote = Coordinator.builder().rounds(2).build().run(start, channels);
            FederatedRun inProcess = Coordinator.builder().rounds(2).build().run(start, local);
            assertThat(remote.rounds()).isEqualTo(2);
            assertThat(remote.droppedStores()).isZero();
            for (int i = 0; i < start.length; i++) {
                assertThat(remote.weights()[i]).isCloseTo(inProcess.weights()[i], within(1e-6f));
            }
            assertThat(remote.weights()).isNotEqualTo(start);
            assertThat(remote.bytesPerStoreRound()).isEqualTo(inProcess.bytesPerStoreRound());
        } finally {
            channels.forEach(GrpcStoreChannel::close);
            for (Process p : processes) {
                p.getOutputStream().close();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }
}
