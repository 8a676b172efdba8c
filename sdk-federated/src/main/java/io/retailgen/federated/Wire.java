package io.retailgen.federated;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gRPC methods a store serves ({@code retailgen.federated.Store/...}) and their messages, as length-prefixed
 * big-endian binary (Java's {@code DataOutputStream}): ints, float and long arrays with their length first, strings
 * in modified UTF-8, maps as a count then key and value pairs.
 */
final class Wire {

    static final String SERVICE = "retailgen.federated.Store";
    static final int MAX_MESSAGE_BYTES = 256 << 20;

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    static final MethodDescriptor<byte[], byte[]> ID = method("Id");
    static final MethodDescriptor<byte[], byte[]> PUBLIC_KEY = method("PublicKey");
    static final MethodDescriptor<byte[], byte[]> MASKED_UPDATE = method("MaskedUpdate");
    static final MethodDescriptor<byte[], byte[]> REVEAL_SEEDS = method("RevealSeeds");
    static final MethodDescriptor<byte[], byte[]> FINAL_WEIGHTS = method("FinalWeights");

    private Wire() {
    }

    private static MethodDescriptor<byte[], byte[]> method(String name) {
        return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
                .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    }

    /** Writes a message. */
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a message. */
    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    static byte[] encode(Body body) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(b)) {
                body.write(out);
            }
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T decode(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed federated message of " + bytes.length + " bytes: "
                    + e.getMessage(), e);
        }
    }

    static void floats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float v : a) {
            out.writeFloat(v);
        }
    }

    static float[] floats(DataInputStream in) throws IOException {
        float[] a = new float[count(in)];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }

    static void longs(DataOutputStream out, long[] a) throws IOException {
        out.writeInt(a.length);
        for (long v : a) {
            out.writeLong(v);
        }
    }

    static long[] longs(DataInputStream in) throws IOException {
        long[] a = new long[count(in)];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readLong();
        }
        return a;
    }

    static void bytes(DataOutputStream out, byte[] a) throws IOException {
        out.writeInt(a.length);
        out.write(a);
    }

    static byte[] bytes(DataInputStream in) throws IOException {
        return in.readNBytes(count(in));
    }

    static void map(DataOutputStream out, Map<String, byte[]> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, byte[]> e : m.entrySet()) {
            out.writeUTF(e.getKey());
            bytes(out, e.getValue());
        }
    }

    static Map<String, byte[]> map(DataInputStream in) throws IOException {
        int n = count(in);
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(in.readUTF(), bytes(in));
        }
        return m;
    }

    static void strings(DataOutputStream out, List<String> l) throws IOException {
        out.writeInt(l.size());
        for (String s : l) {
            out.writeUTF(s);
        }
    }

    static List<String> strings(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(in.readUTF());
        }
        return l;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_MESSAGE_BYTES) {
            throw new IOException("bad length " + n);
        }
        return n;
    }
}
