package io.retailgen.federated;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A remote store as seen by the {@link Coordinator}: gRPC over TLS, trusting the given certificate authority. Counts
 * the bytes the store sent, so that runs can report them. A failed call throws, which the coordinator counts as the
 * store dropping out of the round.
 */
public final class GrpcStoreChannel implements StoreChannel, AutoCloseable {

    private final ManagedChannel channel;
    private final String id;
    private final long deadlineSeconds;

    private GrpcStoreChannel(ManagedChannel channel, long deadlineSeconds) {
        this.channel = channel;
        this.deadlineSeconds = deadlineSeconds;
        this.id = new String(call(Wire.ID, new byte[0]), StandardCharsets.UTF_8);
    }

    /**
     * Connects and asks the store for its id.
     *
     * @param host the store's host
     * @param port its port
     * @param trustedCertificates the certificate authorities to trust (PEM)
     * @param deadlineSeconds how long one call (local training included) may take
     * @return the channel
     * @throws IOException when the certificates cannot be read
     */
    public static GrpcStoreChannel connect(String host, int port, Path trustedCertificates, long deadlineSeconds)
            throws IOException {
        ManagedChannel ch = Grpc.newChannelBuilderForAddress(host, port,
                        TlsChannelCredentials.newBuilder().trustManager(trustedCertificates.toFile()).build())
                .maxInboundMessageSize(Wire.MAX_MESSAGE_BYTES).build();
        try {
            return new GrpcStoreChannel(ch, deadlineSeconds);
        } catch (RuntimeException e) {
            ch.shutdownNow();
            throw e;
        }
    }

    private byte[] call(MethodDescriptor<byte[], byte[]> m, byte[] request) {
        try {
            return ClientCalls.blockingUnaryCall(channel, m,
                    CallOptions.DEFAULT.withDeadlineAfter(deadlineSeconds, TimeUnit.SECONDS), request);
        } catch (StatusRuntimeException e) {
            throw new IllegalStateException(m.getBareMethodName() + " failed: " + e.getStatus(), e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] publicKey(int round) {
        return call(Wire.PUBLIC_KEY, Wire.encode(out -> out.writeInt(round)));
    }

    @Override
    public long[] maskedUpdate(int round, float[] global, Map<String, byte[]> publicKeys) {
        byte[] resp = call(Wire.MASKED_UPDATE, Wire.encode(out -> {
            out.writeInt(round);
            Wire.floats(out, global);
            Wire.map(out, publicKeys);
        }));
        return Wire.decode(resp, Wire::longs);
    }

    @Override
    public Map<String, byte[]> revealSeeds(int round, List<String> dropped) {
        byte[] resp = call(Wire.REVEAL_SEEDS, Wire.encode(out -> {
            out.writeInt(round);
            Wire.strings(out, dropped);
        }));
        return Wire.decode(resp, Wire::map);
    }

    @Override
    public void finalWeights(float[] weights) {
        call(Wire.FINAL_WEIGHTS, Wire.encode(out -> Wire.floats(out, weights)));
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
