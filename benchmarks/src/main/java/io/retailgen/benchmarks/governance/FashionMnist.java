package io.retailgen.benchmarks.governance;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Fashion-MNIST from {@code shared/data/images/fashion-mnist} (idx-ubyte .gz), pixels scaled to [0, 1]. */
record FashionMnist(float[][] x, int[] y) {

    /**
     * @param train the 60,000 training examples, else the 10,000 test examples
     * @return the examples
     * @throws IOException when a file cannot be read
     */
    static FashionMnist load(boolean train) throws IOException {
        String prefix = "images/fashion-mnist/" + (train ? "train" : "t10k");
        Path images = ContentPolicyBenchmark.locate(prefix + "-images-idx3-ubyte.gz");
        Path labels = ContentPolicyBenchmark.locate(prefix + "-labels-idx1-ubyte.gz");
        float[][] x;
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(images), 1 << 16))) {
            magic(in.readInt(), 0x803, images);
            int n = in.readInt();
            int pixels = in.readInt() * in.readInt();
            x = new float[n][pixels];
            byte[] buf = new byte[pixels];
            for (float[] row : x) {
                in.readFully(buf);
                for (int i = 0; i < pixels; i++) {
                    row[i] = (buf[i] & 0xff) / 255f;
                }
            }
        }
        int[] y;
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(labels)))) {
            magic(in.readInt(), 0x801, labels);
            y = new int[in.readInt()];
            for (int i = 0; i < y.length; i++) {
                y[i] = in.readUnsignedByte();
            }
        }
        if (x.length != y.length) {
            throw new IOException(images + " has " + x.length + " images but " + labels + " " + y.length + " labels");
        }
        return new FashionMnist(x, y);
    }

    private static void magic(int found, int expected, Path file) throws IOException {
        if (found != expected) {
            throw new IOException(file + ": magic " + Integer.toHexString(found) + ", expected "
                    + Integer.toHexString(expected));
        }
    }
}
