package io.retailgen.federated;

import io.grpc.Server;
import io.grpc.ServerCallHandler;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Serves one store to a remote {@link Coordinator} over gRPC with TLS: the store's sessions stay in this process,
 * only public keys, masked updates and (after a drop-out) mask seeds leave it; after the last round it receives the
 * final shared weights and answers nothing.
 *
 * <pre>{@code
 * try (GrpcStoreServer server = GrpcStoreServer.start(store, "127.0.0.1", 0, certPem, keyPem)) {
 *     System.out.println("listening on port " + server.port());
 *     server.awaitTermination();
 * }
 * }</pre>
 */
public final class GrpcStoreServer implements AutoCloseable {

    private final Server server;

    private GrpcStoreServer(Server server) {
        this.server = server;
    }

    /**
     * @param store the store to serve
     * @param host the address to listen on, such as {@code 127.0.0.1}
     * @param port the port, or 0 for any free one
     * @param certificateChain the server's certificate chain (PEM)
     * @param privateKey its private key (PKCS#8 PEM)
     * @return the running server
     * @throws IOException when the port cannot be bound or the files cannot be read
     */
    public static GrpcStoreServer start(StoreChannel store, String host, int port, Path certificateChain,
            Path privateKey) throws IOException {
        Objects.requireNonNull(store, "store == null");
        ServerServiceDefinition service = ServerServiceDefinition.builder(Wire.SERVICE)
                .addMethod(Wire.ID, unary(req -> store.id().getBytes(StandardCharsets.UTF_8)))
                .addMethod(Wire.PUBLIC_KEY, unary(req -> store.publicKey(Wire.decode(req, in -> in.readInt()))))
                .addMethod(Wire.MASKED_UPDATE, unary(req -> Wire.decode(req, in -> {
                    int round = in.readInt();
                    float[] global = Wire.floats(in);
                    long[] update = store.maskedUpdate(round, global, Wire.map(in));
                    return Wire.encode(out -> Wire.longs(out, update));
                })))
                .addMethod(Wire.REVEAL_SEEDS, unary(req -> Wire.decode(req, in -> {
                    int round = in.readInt();
                    var seeds = store.revealSeeds(round, Wire.strings(in));
                    return Wire.encode(out -> Wire.map(out, seeds));
                })))
                .addMethod(Wire.FINAL_WEIGHTS, unary(req -> Wire.decode(req, in -> {
                    store.finalWeights(Wire.floats(in));
                    return new byte[0];
                })))
                .build();
        Server s = NettyServerBuilder.forAddress(new InetSocketAddress(host, port),
                        TlsServerCredentials.create(certificateChain.toFile(), privateKey.toFile()))
                .maxInboundMessageSize(Wire.MAX_MESSAGE_BYTES).addService(service).build().start();
        return new GrpcStoreServer(s);
    }

    private static ServerCallHandler<byte[], byte[]> unary(UnaryOperator<byte[]> f) {
        return ServerCalls.asyncUnaryCall((req, observer) -> {
            try {
                observer.onNext(f.apply(req));
                observer.onCompleted();
            } catch (RuntimeException e) {
                observer.onError(Status.FAILED_PRECONDITION.withDescription(String.valueOf(e.getMessage()))
                        .asRuntimeException());
            }
        });
    }

    /** @return the bound port */
    public int port() {
        return server.getPort();
    }

    /** Blocks until the server stops. @throws InterruptedException when interrupted */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
