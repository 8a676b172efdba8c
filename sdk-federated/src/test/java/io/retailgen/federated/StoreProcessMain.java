package io.retailgen.federated;

import io.retailgen.recommend.InteractionReader;
import java.nio.file.Path;

/**
 * Not a test: one store in its own JVM, started by {@link GrpcTransportTest}. Arguments: id, events file, certificate,
 * private key. Prints {@code PORT n} once it listens on 127.0.0.1, and exits when standard input closes.
 */
final class StoreProcessMain {
    private StoreProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        StoreClient<?> store = new StoreClient<>(args[0],
                InteractionReader.readLenient(Path.of(args[1])).interactions(),
                FederatedModel.of(SecureAggregationTest.tinyGru()), 0, 0);
        try (GrpcStoreServer server = GrpcStoreServer.start(store, "127.0.0.1", 0, Path.of(args[2]),
                Path.of(args[3]))) {
            System.out.println("PORT " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // the parent holds standard input open while it needs the store
            }
        }
    }
}
